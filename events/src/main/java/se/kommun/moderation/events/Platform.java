package se.kommun.moderation.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a comment was written. The wire form is the lower-case name ({@code facebook}, {@code web}…). */
public enum Platform {
    FACEBOOK, INSTAGRAM, X, LINKEDIN, YOUTUBE, WEB, BLOG;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
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
