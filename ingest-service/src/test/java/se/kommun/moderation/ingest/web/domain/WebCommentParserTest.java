package se.kommun.moderation.ingest.web.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebCommentParserTest {

    private final WebCommentParser parser = new WebCommentParser();

    private WebComment parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAllFields() {
        WebComment comment = parse("""
                {"id":"c-7","author":"Åsa","text":"Hej!","url":"https://www.orebro.se/blogg/1#c-7",
                 "createdAt":"2026-11-29T10:00:00+01:00","extra":"ignored"}""");

        assertThat(comment).isEqualTo(new WebComment("c-7", "Åsa", "Hej!", "https://www.orebro.se/blogg/1#c-7",
                Instant.parse("2026-11-29T09:00:00Z")));
    }

    @Test
    void onlyIdAndTextAreRequired() {
        assertThat(parse("{\"id\":\"c-1\",\"text\":\"\"}")).isEqualTo(new WebComment("c-1", null, "", null, null));
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> parse("{\"text\":\"x\"}")).hasMessage("'id' is required");
        assertThatThrownBy(() -> parse("{\"id\":5,\"text\":\"x\"}")).hasMessage("'id' must be a string");
        assertThatThrownBy(() -> parse("{\"id\":\"\",\"text\":\"x\"}")).hasMessageContaining("'id' must be 1 to");
        assertThatThrownBy(() -> parse("{\"id\":\"a\"}")).hasMessage("'text' is required");
        assertThatThrownBy(() -> parse("{\"id\":\"a\",\"text\":\"x\",\"url\":\"javascript:alert(1)\"}"))
                .hasMessageContaining("'url'");
        assertThatThrownBy(() -> parse("{\"id\":\"a\",\"text\":\"x\",\"createdAt\":\"igår\"}"))
                .hasMessageContaining("'createdAt'");
        assertThatThrownBy(() -> parse("[1,2]")).hasMessage("body must be a JSON object");
        assertThatThrownBy(() -> parse("{\"id\": 19811218-9876")).hasMessageContaining("not valid JSON")
                .hasMessageNotContaining("9876");
    }
}
