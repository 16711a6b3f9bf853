package se.kommun.moderation.archive.holds.domain;

import java.time.Instant;
import java.util.UUID;

/** A legal hold: while it is active nothing of the comment may be culled. */
public record LegalHold(UUID holdId, String commentKey, String reference, String reason, String source, String setBy,
        Instant setAt, Instant releasedAt, String releasedBy, String releaseReason) {

    public boolean active() {
        return releasedAt == null;
    }
}
