package se.kommun.moderation.ingest.delivery.domain;

import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;

/**
 * Wraps a normalized comment in its envelope. The event id is derived from the platform's
 * idempotency key (domain.md §5.5), so a platform's redelivery, a poller's second look or a replay is
 * the same event and every consumer recognises it.
 */
public final class ReceivedEvents {

    public static final String PRODUCER = "ingest-service";

    private ReceivedEvents() {
    }

    public static EventEnvelope<CommentReceived> envelope(CommentReceived comment) {
        return EventEnvelope.wrap(EventIds.derive("CommentReceived", comment.idempotencyKey()),
                comment.receivedAt(), comment.commentKey().toString(), PRODUCER, comment);
    }
}
