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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exact bytes of the JSON objects at a path, in document order, for the webhook mappers. The
 * archive must be able to prove what we received for one comment, so a fragment is cut from the
 * bytes as they came over the wire, not re-serialised from a parsed tree (which would normalise
 * escapes, whitespace and number forms).
 *
 * <p>Paths use {@code .field} and {@code [*]}: {@code .entry[*].changes[*]} is every element of every
 * entry's {@code changes} array; a body whose root is an array starts with {@code [*]}. This runs on
 * every webhook request, so the path is compiled once and matched against the parser's own context
 * chain, without building a pointer string per object.
 */
public final class JsonFragments {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final Map<String, String[]> COMPILED = new ConcurrentHashMap<>();
    /** A {@code [*]} segment; any other segment is a field name. */
    private static final String ANY_INDEX = "[*]";

    private JsonFragments() {
    }

    /** The objects at {@code path}, in document order. */
    public static List<byte[]> objectsAt(byte[] body, String path) {
        String[] segments = COMPILED.computeIfAbsent(path, JsonFragments::compile);
        List<int[]> ranges = new ArrayList<>();
        Deque<int[]> open = new ArrayDeque<>(); // one per open object: its range if wanted, else NONE
        int[] none = new int[0];
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT) {
                    int[] range = none;
                    if (matches(segments, parser.getParsingContext().getParent())) {
                        range = new int[] {Math.toIntExact(parser.currentTokenLocation().getByteOffset()), -1};
                        ranges.add(range);
                    }
                    open.push(range);
                } else if (token == JsonToken.END_OBJECT) {
                    int[] range = open.pop();
                    if (range != none) {
                        // After END_OBJECT the parser stands just behind the closing brace.
                        range[1] = Math.toIntExact(parser.currentLocation().getByteOffset());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not valid JSON", e);
        }
        List<byte[]> fragments = new ArrayList<>(ranges.size());
        for (int[] range : ranges) {
            fragments.add(Arrays.copyOfRange(body, range[0], range[1]));
        }
        return fragments;
    }

    /** Whether an object whose container is {@code context} sits at the path. */
    private static boolean matches(String[] segments, JsonStreamContext context) {
        JsonStreamContext at = context;
        for (int i = segments.length - 1; i >= 0; i--) {
            if (at == null || at.inRoot()) {
                return false;
            }
            String segment = segments[i];
            boolean fits = ANY_INDEX.equals(segment) ? at.inArray() : at.inObject() && segment.equals(at.getCurrentName());
            if (!fits) {
                return false;
            }
            at = at.getParent();
        }
        return at != null && at.inRoot();
    }

    /** {@code .entry[*].changes[*]} → {@code ["entry", "[*]", "changes", "[*]"]}. */
    static String[] compile(String path) {
        List<String> segments = new ArrayList<>();
        for (String part : path.split("(?=[.\\[])")) {
            if (part.equals(ANY_INDEX)) {
                segments.add(ANY_INDEX);
            } else if (part.startsWith(".") && part.length() > 1) {
                segments.add(part.substring(1));
            } else if (!part.isEmpty()) {
                throw new IllegalArgumentException("unsupported path segment '" + part + "' in " + path);
            }
        }
        return segments.toArray(String[]::new);
    }
}
