package se.kommun.moderation.ingest.commands.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * What one answer (or the lack of one) means for the command.
 *
 * @param status     the platform's HTTP status, or null when it was not reached
 * @param message    the platform's answer, trimmed and without comment text; or ours
 * @param objectId   for a posted reply, the id the platform gave it
 * @param retryAfter how long the platform asked us to wait (429/503 with Retry-After)
 */
public record Interpretation(Kind kind, Integer status, String message, String objectId,
        Optional<Duration> retryAfter) {

    public enum Kind {
        /** Done, or already in effect (e.g. the comment was already hidden or is gone). */
        SUCCEEDED,
        /** Worth another attempt: 5xx, 408, 429, a timeout, a connection that failed. */
        RETRYABLE,
        /** The platform refused it for good (other 4xx), or another attempt could do harm. */
        PERMANENT
    }

    public static Interpretation succeeded(Integer status, String message, String objectId) {
        return new Interpretation(Kind.SUCCEEDED, status, message, objectId, Optional.empty());
    }

    public static Interpretation retryable(Integer status, String message, Optional<Duration> retryAfter) {
        return new Interpretation(Kind.RETRYABLE, status, message, null, retryAfter);
    }

    public static Interpretation permanent(Integer status, String message) {
        return new Interpretation(Kind.PERMANENT, status, message, null, Optional.empty());
    }
}
