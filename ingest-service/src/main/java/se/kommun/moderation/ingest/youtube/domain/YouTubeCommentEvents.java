package se.kommun.moderation.ingest.youtube.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.CommentQuarantined;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.ingest.delivery.domain.ReceivedEvents;
import se.kommun.moderation.ingest.signature.HmacSignatures;

/**
 * Turns polled comments into the same events the webhooks publish. The idempotency key is the
 * comment id and its {@code updatedAt} (domain.md §5.5), so polling the same version twice, before or
 * after a restart, yields the same event id.
 */
public final class YouTubeCommentEvents {

    private YouTubeCommentEvents() {
    }

    public static EventEnvelope<CommentReceived> received(String channelId, YouTubeComment comment,
            Instant receivedAt) {
        CommentReceived payload = new CommentReceived(Platform.YOUTUBE, channelId, comment.commentId(),
                comment.videoId(), comment.parentId(),
                new Author(comment.authorChannelId(), comment.authorDisplayName()),
                comment.text(), List.of(), permalink(comment), comment.publishedAt(), receivedAt,
                // The API has no separate edit notification: a later updatedAt is the edit.
                comment.isEdited() ? Verb.EDITED : Verb.ADDED,
                idempotencyKey(comment), comment.raw());
        return ReceivedEvents.envelope(payload);
    }

    public static String idempotencyKey(YouTubeComment comment) {
        return "youtube:" + comment.commentId() + ':' + comment.updatedAt();
    }

    /** The watch page scrolled to the comment; comments on the channel itself have no page of their own. */
    static String permalink(YouTubeComment comment) {
        if (comment.videoId() == null) {
            return null;
        }
        return "https://www.youtube.com/watch?v=" + encode(comment.videoId()) + "&lc=" + encode(comment.commentId());
    }

    /**
     * A comment object we could not map, kept whole. The request id is derived from its bytes, so
     * seeing the same object on the next poll is recognisably the same quarantine.
     */
    public static EventEnvelope<CommentQuarantined> quarantined(String channelId, UnmappableComment unmappable,
            Instant receivedAt) {
        String fragmentSha256 = HmacSignatures.sha256Hex(unmappable.fragment());
        String requestId = EventIds.derive("quarantine", Platform.YOUTUBE.id(), channelId, fragmentSha256).toString();
        CommentQuarantined payload = new CommentQuarantined(requestId, Platform.YOUTUBE, channelId,
                unmappable.reason(), YouTubeResponseParser.CONTENT_TYPE,
                Base64.getEncoder().encodeToString(unmappable.fragment()), fragmentSha256, receivedAt);
        // Not a comment we can name: the request id stands in for the comment id in the key.
        return EventEnvelope.wrap(EventIds.derive("CommentQuarantined", requestId), receivedAt,
                Platform.YOUTUBE.id() + ':' + channelId + ":quarantine-" + requestId, ReceivedEvents.PRODUCER, payload);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
