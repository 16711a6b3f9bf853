package se.kommun.moderation.cases.quality.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a page of the export ended: the last line's decision time and comment key (keyset paging,
 * so a decision made while someone pages neither repeats nor hides a line). Opaque to clients.
 */
public record ExportCursor(Instant decidedAt, String commentKey) {

    public ExportCursor {
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(commentKey, "commentKey");
    }

    public String token() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((decidedAt + "\n" + commentKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a next link carried; anything else is refused with a reason (400). */
    public static ExportCursor parse(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
            int split = decoded.indexOf('\n');
            if (split < 0 || split == decoded.length() - 1) {
                throw new IllegalArgumentException("no comment key");
            }
            return new ExportCursor(Instant.parse(decoded.substring(0, split)), decoded.substring(split + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("after must be the cursor of a next link of this export");
        }
    }
}
