package se.kommun.moderation.ingest.delivery.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A webhook body read once: its tree for the mappers, and the exact bytes of the objects at the
 * paths they name. The archive must be able to prove what we received for one comment, so a fragment
 * is cut from the bytes as they came over the wire, not re-serialised from a parsed tree (which would
 * normalise escapes, whitespace and number forms).
 *
 * <p>Paths use {@code .field} and {@code [*]}: {@code .entry[*].changes[*]} is every element of every
 * entry's {@code changes} array; a body whose root is an array starts with {@code [*]}. This runs on
 * every webhook request, so the tree and the fragments come from one pass of the parser, and a path
 * is compiled once and matched against the parser's own context chain.
 */
public final class JsonFragments {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, String[]> COMPILED = new ConcurrentHashMap<>();
    /** A {@code [*]} segment; any other segment is a field name. */
    private static final String ANY_INDEX = "[*]";

    private final byte[] body;
    private final JsonNode root;
    /** By identity: two equal objects at different places are two fragments. */
    private final Map<JsonNode, int[]> ranges;

    private JsonFragments(byte[] body, JsonNode root, Map<JsonNode, int[]> ranges) {
        this.body = body;
        this.root = root;
        this.ranges = ranges;
    }

    /**
     * Reads {@code body} and marks the objects at {@code paths}.
     *
     * @throws IllegalArgumentException when the body is not one valid JSON value
     */
    public static JsonFragments read(byte[] body, String... paths) {
        String[][] compiled = new String[paths.length][];
        for (int i = 0; i < paths.length; i++) {
            compiled[i] = COMPILED.computeIfAbsent(paths[i], JsonFragments::compile);
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("body is empty");
            }
            Map<JsonNode, int[]> ranges = new IdentityHashMap<>();
            JsonNode root = new TreeReader(parser, compiled, ranges).value(first);
            return new JsonFragments(body, root, ranges);
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not valid JSON", e);
        }
    }

    public JsonNode root() {
        return root;
    }

    /**
     * The exact bytes of {@code object}, which must be a node of this document at one of the paths it
     * was read with.
     */
    public byte[] fragmentOf(JsonNode object) {
        int[] range = ranges.get(object);
        if (range == null) {
            throw new IllegalArgumentException("not an object at a marked path");
        }
        return Arrays.copyOfRange(body, range[0], range[1]);
    }

    /** A tree built from the parser's tokens, recording the byte range of every marked object. */
    private record TreeReader(JsonParser parser, String[][] paths, Map<JsonNode, int[]> ranges) {

        JsonNode value(JsonToken token) throws IOException {
            return switch (token) {
                case START_OBJECT -> object();
                case START_ARRAY -> array();
                case VALUE_STRING -> NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
                case VALUE_TRUE -> NODES.booleanNode(true);
                case VALUE_FALSE -> NODES.booleanNode(false);
                case VALUE_NULL -> NODES.nullNode();
                default -> throw new IOException("unexpected token " + token);
            };
        }

        private ObjectNode object() throws IOException {
            boolean marked = isMarked(parser.getParsingContext().getParent());
            int start = marked ? Math.toIntExact(parser.currentTokenLocation().getByteOffset()) : -1;
            ObjectNode node = new ObjectNode(NODES, new FieldMap());
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                node.replace(name, value(parser.nextToken())); // a repeated name: the last one counts
            }
            if (token != JsonToken.END_OBJECT) {
                throw new IOException("unexpected token " + token);
            }
            if (marked) {
                // After END_OBJECT the parser stands just behind the closing brace.
                ranges.put(node, new int[] {start, Math.toIntExact(parser.currentLocation().getByteOffset())});
            }
            return node;
        }

        private ArrayNode array() throws IOException {
            ArrayNode node = NODES.arrayNode();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new IOException("unexpected end of input");
                }
                node.add(value(token));
            }
            return node;
        }

        private boolean isMarked(JsonStreamContext container) {
            for (String[] path : paths) {
                if (matches(path, container)) {
                    return true;
                }
            }
            return false;
        }
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
