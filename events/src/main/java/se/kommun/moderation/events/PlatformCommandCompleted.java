package se.kommun.moderation.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The honest result of one platform command (ingest → case, archive), success or not.
 *
 * @param platformStatus   the platform's last HTTP status, or null if it was never reached
 * @param platformMessage  the platform's answer (or our refusal reason), trimmed; never comment text
 * @param platformObjectId for a REPLY, the id the platform gave the reply
 */
@EventType(name = "PlatformCommandCompleted", version = 1)
public record PlatformCommandCompleted(
        UUID commandId,
        String idempotencyKey,
        CommandAction action,
        CommandOutcome outcome,
        int attempts,
        Integer platformStatus,
        String platformMessage,
        String platformObjectId,
        Instant completedAt) {

    public PlatformCommandCompleted {
        Objects.requireNonNull(commandId, "commandId is required");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey is required");
        Objects.requireNonNull(action, "action is required");
        Objects.requireNonNull(outcome, "outcome is required");
        Objects.requireNonNull(completedAt, "completedAt is required");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }
}
