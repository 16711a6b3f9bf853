package se.kommun.moderation.ingest.commands.domain;

import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.PlatformCommandCompleted;
import se.kommun.moderation.ingest.delivery.domain.ReceivedEvents;

/** The result's envelope: one event id per idempotency key, so a re-published result is the same event. */
public final class ResultEvents {

    private ResultEvents() {
    }

    public static EventEnvelope<PlatformCommandCompleted> envelope(String commentKey, PlatformCommandCompleted result) {
        return EventEnvelope.wrap(EventIds.derive("PlatformCommandCompleted", result.idempotencyKey()),
                result.completedAt(), commentKey, ReceivedEvents.PRODUCER, result);
    }
}
