package se.kommun.moderation.ingest.web.rest;

import java.util.UUID;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.ingest.delivery.domain.ReceivedEvents;

/** 202: the comment is on the broker (acknowledged by all in-sync replicas). */
public record AcceptedBody(UUID eventId, String commentKey) {

    static AcceptedBody of(CommentReceived comment) {
        var event = ReceivedEvents.envelope(comment);
        return new AcceptedBody(event.eventId(), event.commentKey());
    }
}
