package se.kommun.moderation.ingest.delivery.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Cuts the exact bytes of the JSON objects at a path out of a request body, without re-serialising
 * them, so that what the archive keeps for one comment is byte for byte what the platform sent (Meta
 * signs an escaped-unicode form that a round trip through a JSON library would not reproduce).
 *
 * <p>Paths use {@code .field} and {@code [*]}: {@code .entry[*].changes[*]} is every element of every
 * entry's {@code changes} array; a body whose root is an array starts with {@code [*]}.
 */
public final class JsonFragments {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonFragments() {
    }

    /** The objects at {@code path}, in document order. */
    public static List<byte[]> objectsAt(byte[] body, String path) {
        List<byte[]> fragments = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT && path.equals(pathOf(parser.getParsingContext().getParent()))) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentLocation().getByteOffset();
                    fragments.add(Arrays.copyOfRange(body, start, end));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not valid JSON", e);
        }
        return fragments;
    }

    private static String pathOf(JsonStreamContext container) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = container; c != null && !c.inRoot(); c = c.getParent()) {
            parts.push(c.inArray() ? "[*]" : "." + c.getCurrentName());
        }
        return String.join("", parts);
    }
}
