package se.kommun.moderation.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a comment was written. The wire form is the lower-case name ({@code facebook}, {@code web}…). */
public enum Platform {
    FACEBOOK, INSTAGRAM, X, LINKEDIN, YOUTUBE, WEB, BLOG;

    // Kept, not recomputed: every comment key and every event written asks for it.
    private final String id = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String id() {
        return id;
    }

    /** Accepts the wire form and, for tolerance, the constant's name. */
    @JsonCreator
    public static Platform fromId(String id) {
        try {
            return valueOf(id.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown platform '" + id + "'", e);
        }
    }
}
