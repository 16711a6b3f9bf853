package se.kommun.moderation.ingest.delivery.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds the exact bytes of JSON objects inside a document, by JSON pointer ({@code /items/0/snippet}).
 * The archive must be able to prove what we received for one comment, so the fragment is cut from the
 * bytes as they came over the wire, not re-serialised from a parsed tree (which would normalise
 * escapes, whitespace and number forms).
 */
public final class JsonObjectSlices {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final byte[] document;
    private final Map<String, Slice> slices;

    private JsonObjectSlices(byte[] document, Map<String, Slice> slices) {
        this.document = document;
        this.slices = slices;
    }

    /** A half-open byte range {@code [start, end)} of the document. */
    public record Slice(int start, int end) {
    }

    /** An object being read: its pointer if wanted (else null) and where it started. */
    private record Frame(String pointer, long start) {
    }

    /**
     * Streams the document once and remembers where every object whose pointer {@code wanted} accepts
     * starts and ends. Nested wanted objects are all found.
     *
     * @throws IOException if the document is not well-formed JSON
     */
    public static JsonObjectSlices index(byte[] document, Predicate<String> wanted) throws IOException {
        Map<String, Slice> found = new HashMap<>();
        Deque<Frame> open = new ArrayDeque<>();
        try (JsonParser parser = FACTORY.createParser(document)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT) {
                    // The parent context's current name/index is this object's place in it.
                    String pointer = parser.getParsingContext().getParent().pathAsPointer().toString();
                    open.push(new Frame(wanted.test(pointer) ? pointer : null,
                            parser.currentTokenLocation().getByteOffset()));
                } else if (token == JsonToken.END_OBJECT) {
                    Frame frame = open.pop();
                    if (frame.pointer() != null) {
                        // After END_OBJECT the parser stands just behind the closing brace.
                        found.put(frame.pointer(), new Slice(Math.toIntExact(frame.start()),
                                Math.toIntExact(parser.currentLocation().getByteOffset())));
                    }
                }
            }
        }
        return new JsonObjectSlices(document, found);
    }

    /** The exact bytes of the object at {@code pointer}, or {@code null} if it was not indexed. */
    public byte[] bytesAt(String pointer) {
        Slice slice = slices.get(pointer);
        return slice == null ? null : Arrays.copyOfRange(document, slice.start(), slice.end());
    }

    public Map<String, Slice> slices() {
        return Map.copyOf(slices);
    }
}
