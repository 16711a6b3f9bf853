package se.kommun.moderation.ingest.delivery.domain;

import java.time.Instant;
import java.util.Base64;
import se.kommun.moderation.events.CommentQuarantined;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.signature.HmacSignatures;

/** Signed input we could not use, kept whole with the reason. The same input twice is the same event. */
public final class QuarantineEvents {

    private QuarantineEvents() {
    }

    public static EventEnvelope<CommentQuarantined> of(Platform platform, String accountId, String reason,
            byte[] kept, RawBody body, Instant receivedAt) {
        String keptSha256 = HmacSignatures.sha256Hex(kept);
        String account = accountId == null || accountId.isBlank() ? "unknown" : accountId.replace(':', '_');
        String requestId = EventIds.derive("quarantine", platform.id(), account, body.sha256(), keptSha256).toString();
        CommentQuarantined payload = new CommentQuarantined(requestId, platform, accountId, reason, body.contentType(),
                Base64.getEncoder().encodeToString(kept), body.sha256(), receivedAt);
        // Not a comment (yet): the request id stands in for the comment id in the key.
        return EventEnvelope.wrap(EventIds.derive("CommentQuarantined", requestId), receivedAt,
                platform.id() + ':' + account + ":quarantine-" + requestId, ReceivedEvents.PRODUCER, payload);
    }
}
