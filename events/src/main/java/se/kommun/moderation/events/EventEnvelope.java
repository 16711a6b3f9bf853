package se.kommun.moderation.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Every event on every topic travels in this envelope (ARCHITECTURE §3). Immutable; the payload is
 * a past-tense record annotated with {@link EventType}.
 */
public record EventEnvelope<P>(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String commentKey,
        String producer,
        P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId is required");
        Objects.requireNonNull(type, "type is required");
        Objects.requireNonNull(occurredAt, "occurredAt is required");
        Objects.requireNonNull(commentKey, "commentKey is required");
        Objects.requireNonNull(producer, "producer is required");
        Objects.requireNonNull(payload, "payload is required");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
    }

    /** Read once per class: an annotation lookup on every event wrapped showed in the edge's profile. */
    private static final ClassValue<EventType> TYPES = new ClassValue<>() {
        @Override
        protected EventType computeValue(Class<?> type) {
            return type.getAnnotation(EventType.class);
        }
    };

    /** Wraps a payload, taking type and version from its {@link EventType} annotation. */
    public static <P> EventEnvelope<P> wrap(UUID eventId, Instant occurredAt, String commentKey,
            String producer, P payload) {
        EventType eventType = typeOf(payload.getClass());
        return new EventEnvelope<>(eventId, eventType.name(), eventType.version(), occurredAt,
                commentKey, producer, payload);
    }

    static EventType typeOf(Class<?> payloadClass) {
        EventType eventType = TYPES.get(payloadClass);
        if (eventType == null) {
            throw new IllegalArgumentException(payloadClass.getName() + " is not annotated with @EventType");
        }
        return eventType;
    }
}
