package se.kommun.moderation.ingest.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFragmentsTest {

    private static List<String> at(String body, String path) {
        return JsonFragments.objectsAt(body.getBytes(StandardCharsets.UTF_8), path).stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
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
}
