package se.kommun.moderation.ingest.web.domain;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.CommentQuarantined;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.RawPayload;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.ingest.signature.HmacSignatures;

/**
 * Turns an accepted web comment into the contract's events. Ids are derived from the account, the
 * comment id and the hash of the exact bytes, so the same post delivered twice is the same event.
 */
public final class WebCommentEvents {

    public static final String PRODUCER = "ingest-service";

    private WebCommentEvents() {
    }

    public static EventEnvelope<CommentReceived> received(Platform platform, String accountId, WebComment comment,
            byte[] rawBody, String contentType, Instant receivedAt) {
        String bodySha256 = HmacSignatures.sha256Hex(rawBody);
        String idempotencyKey = platform.id() + ':' + accountId + ':' + comment.id() + ':' + bodySha256;
        CommentReceived payload = new CommentReceived(platform, accountId, comment.id(), null, null,
                new Author(null, comment.author()), comment.text(), List.of(), comment.url(), comment.createdAt(),
                receivedAt, Verb.ADDED, idempotencyKey,
                // A web post carries exactly one comment: the fragment is the whole body.
                new RawPayload(bodySha256, contentType, Base64.getEncoder().encodeToString(rawBody), bodySha256));
        return EventEnvelope.wrap(EventIds.derive("CommentReceived", idempotencyKey), receivedAt,
                payload.commentKey().toString(), PRODUCER, payload);
    }

    public static EventEnvelope<CommentQuarantined> quarantined(Platform platform, String accountId, String reason,
            byte[] rawBody, String contentType, Instant receivedAt) {
        String bodySha256 = HmacSignatures.sha256Hex(rawBody);
        String requestId = EventIds.derive("quarantine", platform.id(), accountId, bodySha256).toString();
        CommentQuarantined payload = new CommentQuarantined(requestId, platform, accountId, reason, contentType,
                Base64.getEncoder().encodeToString(rawBody), bodySha256, receivedAt);
        // Not a comment yet: the request id stands in for the comment key.
        return EventEnvelope.wrap(EventIds.derive("CommentQuarantined", requestId), receivedAt,
                platform.id() + ':' + accountId + ":quarantine-" + requestId, PRODUCER, payload);
    }
}
