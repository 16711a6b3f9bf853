package se.kommun.moderation.ingest.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFragmentsTest {

    /** The fragments of the objects at {@code path}, in document order. */
    private static List<String> at(String body, String path) {
        JsonFragments document = JsonFragments.read(body.getBytes(StandardCharsets.UTF_8), path);
        List<String> found = new ArrayList<>();
        collect(document, document.root(), found);
        return found;
    }

    private static void collect(JsonFragments document, JsonNode node, List<String> found) {
        if (node.isObject()) {
            try {
                found.add(new String(document.fragmentOf(node), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notAtThePath) {
                // an object elsewhere in the document
            }
        }
        node.elements().forEachRemaining(child -> collect(document, child, found));
    }

    @Test
    void cutsTheExactBytesOfEveryObjectAtThePathInDocumentOrder() {
        String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"a\" : 1},{\"b\":\"}{\\\"\"}]},"
                + "{\"changes\":[ {\"c\":{\"changes\":[{\"d\":4}]}} ]}]}";
        assertThat(at(body, ".entry[*].changes[*]"))
                .containsExactly("{\"a\" : 1}", "{\"b\":\"}{\\\"\"}", "{\"c\":{\"changes\":[{\"d\":4}]}}");
    }

    @Test
    void findsTheEnclosingAndTheNestedObjectsWhenBothAreWanted() {
        String body = "{\"entry\":[{\"id\":\"9\",\"changes\":[{\"x\":1}]}]}";
        assertThat(at(body, ".entry[*]")).containsExactly("{\"id\":\"9\",\"changes\":[{\"x\":1}]}");
        assertThat(at(body, ".entry[*].changes[*]")).containsExactly("{\"x\":1}");
    }

    @Test
    void aRootArrayStartsThePathWithAnIndex() {
        String body = "[{\"entry\":[{\"changes\":[{\"é\":\"å\"}]}]}]";
        assertThat(at(body, "[*].entry[*].changes[*]")).containsExactly("{\"é\":\"å\"}");
        assertThat(at(body, ".entry[*].changes[*]")).isEmpty();
    }

    @Test
    void ignoresObjectsUnderOtherNamesOrAtOtherDepths() {
        String body = "{\"entries\":[{\"changes\":[{\"x\":1}]}],\"entry\":{\"changes\":[{\"y\":2}]}}";
        assertThat(at(body, ".entry[*].changes[*]")).isEmpty();
        assertThat(at(body, ".entry.changes[*]")).containsExactly("{\"y\":2}");
    }

    @Test
    void refusesMalformedJsonAndUnsupportedPaths() {
        assertThatThrownBy(() -> at("{\"entry\":[{]}", ".entry[*]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> at("{}", "entry[0]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheSameTreeAsJacksonInTheSamePass() throws Exception {
        String body = "{\"object\":\"page\",\"n\":[1,-2,3000000000,12345678901234567890,1.5e3,true,false,null],"
                + "\"s\":\"\\u00e5 \\\"q\\\" é\",\"o\":{\"dup\":1,\"dup\":2},\"e\":[],\"eo\":{}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(JsonFragments.read(bytes, ".o").root()).isEqualTo(new ObjectMapper().readTree(bytes));
    }

    @Test
    void hasTheExactBytesOfEachMarkedNodeAndNoneOfAnUnmarkedOne() {
        String body = "{\"entry\":[\"not an object\",{\"id\" : \"1\",\"changes\":[7,{\"a\":\"\\u00e5\"}, {\"a\":\"\\u00e5\"}]}]}";
        JsonFragments document = JsonFragments.read(body.getBytes(StandardCharsets.UTF_8), ".entry[*]", ".entry[*].changes[*]");
        JsonNode entry = document.root().get("entry").get(1);
        assertThat(new String(document.fragmentOf(entry), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\" : \"1\",\"changes\":[7,{\"a\":\"\\u00e5\"}, {\"a\":\"\\u00e5\"}]}");
        // Two equal objects are still two places in the body.
        assertThat(entry.get("changes").get(1)).isEqualTo(entry.get("changes").get(2));
        assertThat(new String(document.fragmentOf(entry.get("changes").get(2)), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":\"\\u00e5\"}");
        assertThatThrownBy(() -> document.fragmentOf(document.root())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnEmptyBodyAndATruncatedOne() {
        assertThatThrownBy(() -> JsonFragments.read(new byte[0], ".a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonFragments.read("{\"a\":[1,".getBytes(StandardCharsets.UTF_8), ".a"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
