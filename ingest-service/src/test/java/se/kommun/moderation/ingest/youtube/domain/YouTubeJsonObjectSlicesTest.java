package se.kommun.moderation.ingest.youtube.domain;

import se.kommun.moderation.ingest.delivery.domain.JsonObjectSlices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class YouTubeJsonObjectSlicesTest {

    @Test
    void cutsTheExactBytesOfNestedObjectsByPointer() throws IOException {
        // Multi-byte UTF-8, an escape and odd whitespace before the wanted objects: offsets are in bytes.
        String first = "{ \"id\" : \"a\", \"text\": \"åäö 🙂 \\u00e5 \\\"citat\\\"\", \"n\": {\"x\": [1, {\"y\": 2}]} }";
        String second = "{\"id\":\"b\"}";
        String document = "{\"kind\":\"x\",  \"items\" : [\n  " + first + " ,\n\t" + second + "\n], \"tail\": {}}";
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);

        JsonObjectSlices slices = JsonObjectSlices.index(bytes, pointer -> pointer.matches("/items/\\d+"));

        assertThat(slices.slices()).containsOnlyKeys("/items/0", "/items/1");
        assertThat(new String(slices.bytesAt("/items/0"), StandardCharsets.UTF_8)).isEqualTo(first);
        assertThat(new String(slices.bytesAt("/items/1"), StandardCharsets.UTF_8)).isEqualTo(second);
    }

    @Test
    void namesObjectsInsideObjectsAndArraysAndTheRoot() throws IOException {
        byte[] bytes = "{\"a\":{\"b\":[{\"c\":{}}]}}".getBytes(StandardCharsets.UTF_8);

        JsonObjectSlices slices = JsonObjectSlices.index(bytes, pointer -> true);

        assertThat(slices.slices()).containsOnlyKeys("", "/a", "/a/b/0", "/a/b/0/c");
        assertThat(slices.bytesAt("")).isEqualTo(bytes);
        assertThat(new String(slices.bytesAt("/a/b/0"), StandardCharsets.UTF_8)).isEqualTo("{\"c\":{}}");
        assertThat(slices.bytesAt("/missing")).isNull();
    }

    @Test
    void refusesJsonThatIsNotWellFormed() {
        byte[] truncated = "{\"items\":[{\"id\":\"a\"".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JsonObjectSlices.index(truncated, pointer -> true)).isInstanceOf(IOException.class);
    }
}
