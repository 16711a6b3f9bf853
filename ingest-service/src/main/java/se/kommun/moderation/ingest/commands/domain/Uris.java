package se.kommun.moderation.ingest.commands.domain;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Builds request URIs from a configured base and ids that come from outside. */
public final class Uris {

    private Uris() {
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters: an id can never add a path segment. */
    public static String encode(String value) {
        if (value.equals(".") || value.equals("..")) {
            return value.replace(".", "%2E");
        }
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** {@code base} (trailing slashes ignored) + {@code pathAndQuery}, which must start with '/'. */
    public static URI of(String base, String pathAndQuery) {
        String trimmed = base.replaceAll("/+$", "");
        return URI.create(trimmed + pathAndQuery);
    }
}
