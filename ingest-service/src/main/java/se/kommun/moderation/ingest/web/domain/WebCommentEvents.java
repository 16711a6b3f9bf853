package se.kommun.moderation.ingest.web.domain;

import java.time.Instant;
import java.util.List;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.ingest.delivery.domain.MappedDelivery;
import se.kommun.moderation.ingest.delivery.domain.RawBody;

/**
 * A web or blog comment as the contract's comment. Its idempotency key includes the hash of the
 * exact bytes, so the same post delivered twice is the same event, and a changed text a new version.
 */
public final class WebCommentEvents {

    private WebCommentEvents() {
    }

    public static MappedDelivery delivery(Platform platform, String accountId, WebComment comment, RawBody body,
            Instant receivedAt) {
        String idempotencyKey = platform.id() + ':' + accountId + ':' + comment.id() + ':' + body.sha256();
        // A web post carries exactly one comment: the fragment is the whole body.
        CommentReceived received = new CommentReceived(platform, accountId, comment.id(), null, null,
                new Author(null, comment.author()), comment.text(), List.of(), comment.url(), comment.createdAt(),
                receivedAt, Verb.ADDED, idempotencyKey, body.withFragment(body.bytes()));
        return new MappedDelivery(platform, List.of(received), 0, List.of());
    }
}
