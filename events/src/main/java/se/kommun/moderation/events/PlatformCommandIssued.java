package se.kommun.moderation.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The case-service decided that something must happen on a platform (case → ingest). The
 * {@code idempotencyKey} stays the same on every redelivery and re-issue of the same decision, so
 * the executor can refuse to post a reply twice. HIDE and DELETE carry the evidence bundle that was
 * captured before the decision; the executor refuses a removal without one (defence in depth).
 *
 * @param target      the comment's id on the platform (as in the comment key)
 * @param replyText   for REPLY: the full text to post, signature included; otherwise null
 * @param caseId      the case the command belongs to, if any, for the audit trail
 */
@EventType(name = "PlatformCommandIssued", version = 1)
public record PlatformCommandIssued(
        UUID commandId,
        String idempotencyKey,
        CommandAction action,
        Platform platform,
        String accountId,
        String target,
        String replyText,
        UUID evidenceBundleId,
        UUID caseId,
        String issuedBy,
        Instant issuedAt) {

    public PlatformCommandIssued {
        Objects.requireNonNull(commandId, "commandId is required");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey is required");
        Objects.requireNonNull(action, "action is required");
        Objects.requireNonNull(platform, "platform is required");
        Objects.requireNonNull(accountId, "accountId is required");
        Objects.requireNonNull(target, "target is required");
        Objects.requireNonNull(issuedAt, "issuedAt is required");
        if (action == CommandAction.REPLY && (replyText == null || replyText.isBlank())) {
            throw new IllegalArgumentException("a REPLY needs replyText");
        }
    }
}
