package se.kommun.moderation.ingest.delivery.domain;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The exact bytes of the JSON objects at a path, in document order, for the webhook mappers: a thin
 * reading of {@link JsonObjectSlices} (the one streaming implementation) with a simpler path form.
 *
 * <p>Paths use {@code .field} and {@code [*]}: {@code .entry[*].changes[*]} is every element of every
 * entry's {@code changes} array; a body whose root is an array starts with {@code [*]}.
 */
public final class JsonFragments {

    private JsonFragments() {
    }

    /** The objects at {@code path}, in document order. */
    public static List<byte[]> objectsAt(byte[] body, String path) {
        Pattern pointer = toPointerPattern(path);
        JsonObjectSlices slices;
        try {
            slices = JsonObjectSlices.index(body, p -> pointer.matcher(p).matches());
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not valid JSON", e);
        }
        return slices.slices().entrySet().stream()
                .sorted(Comparator.comparingInt(e -> e.getValue().start()))
                .map(e -> slices.bytesAt(e.getKey()))
                .toList();
    }

    /** {@code .entry[*].changes[*]} → the JSON pointers {@code /entry/<n>/changes/<n>}. */
    static Pattern toPointerPattern(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=[.\\[])")) {
            if (part.equals("[*]")) {
                regex.append("/\\d+");
            } else if (part.startsWith(".")) {
                regex.append('/').append(Pattern.quote(part.substring(1)));
            } else if (!part.isEmpty()) {
                throw new IllegalArgumentException("unsupported path segment '" + part + "' in " + path);
            }
        }
        return Pattern.compile(regex.toString());
    }
}
