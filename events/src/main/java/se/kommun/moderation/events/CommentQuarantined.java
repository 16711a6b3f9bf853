package se.kommun.moderation.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A correctly signed request that we could not parse or map. It is kept whole, with the reason, so
 * that nothing we were sent is lost (ARCHITECTURE §4). Keyed by request id, not by comment.
 */
@EventType(name = "CommentQuarantined", version = 1)
public record CommentQuarantined(
        String requestId,
        Platform platform,
        String accountId,
        String reason,
        String contentType,
        String bodyBase64,
        String bodySha256,
        Instant receivedAt) {

    public CommentQuarantined {
        Objects.requireNonNull(requestId, "requestId is required");
        Objects.requireNonNull(reason, "reason is required");
        Objects.requireNonNull(bodyBase64, "bodyBase64 is required");
        Objects.requireNonNull(receivedAt, "receivedAt is required");
    }
}
