package se.kommun.moderation.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A comment (or a change to one) arrived from a platform. Published by ingest on
 * {@link Topics#COMMENTS_RECEIVED}; {@code idempotencyKey} recognises a platform's redelivery.
 */
@EventType(name = "CommentReceived", version = 1)
public record CommentReceived(
        Platform platform,
        String accountId,
        String commentId,
        String postId,
        String parentId,
        Author author,
        String text,
        List<String> mediaRefs,
        String permalink,
        Instant createdAt,
        Instant receivedAt,
        Verb verb,
        String idempotencyKey,
        RawPayload raw) {

    public CommentReceived {
        Objects.requireNonNull(platform, "platform is required");
        Objects.requireNonNull(accountId, "accountId is required");
        Objects.requireNonNull(commentId, "commentId is required");
        Objects.requireNonNull(receivedAt, "receivedAt is required");
        Objects.requireNonNull(verb, "verb is required");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey is required");
        Objects.requireNonNull(raw, "raw is required");
        mediaRefs = mediaRefs == null ? List.of() : List.copyOf(mediaRefs);
        text = text == null ? "" : text;
    }

    public CommentKey commentKey() {
        return new CommentKey(platform, accountId, commentId);
    }
}
