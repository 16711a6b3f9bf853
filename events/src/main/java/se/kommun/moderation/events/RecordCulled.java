package se.kommun.moderation.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The archive culled (gallrade) a record's content under a culling decision (archive → case). The
 * protocol row stays; this event mirrors it.
 *
 * @param culledSha256 SHA-256 over what was destroyed, so the protocol can prove what it was
 */
@EventType(name = "RecordCulled", version = 1)
public record RecordCulled(
        Route route,
        String subtype,
        String decisionReference,
        Instant receivedAt,
        Instant culledAt,
        String culledSha256,
        int versionsCulled,
        String executedBy) {

    public RecordCulled {
        Objects.requireNonNull(decisionReference, "decisionReference is required");
        Objects.requireNonNull(culledAt, "culledAt is required");
        Objects.requireNonNull(culledSha256, "culledSha256 is required");
        Objects.requireNonNull(executedBy, "executedBy is required");
    }
}
