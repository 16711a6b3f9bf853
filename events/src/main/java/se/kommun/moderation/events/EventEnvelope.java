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

    /** Read once per class: the annotation, and its values, showed in the edge's profile per event. */
    private static final ClassValue<TypeAndVersion> TYPES = new ClassValue<>() {
        @Override
        protected TypeAndVersion computeValue(Class<?> type) {
            EventType eventType = type.getAnnotation(EventType.class);
            return eventType == null ? null : new TypeAndVersion(eventType.name(), eventType.version());
        }
    };

    /** An {@link EventType}'s values, read off its annotation once. */
    record TypeAndVersion(String name, int version) {
    }

    /** Wraps a payload, taking type and version from its {@link EventType} annotation. */
    public static <P> EventEnvelope<P> wrap(UUID eventId, Instant occurredAt, String commentKey,
            String producer, P payload) {
        TypeAndVersion eventType = typeOf(payload.getClass());
        return new EventEnvelope<>(eventId, eventType.name(), eventType.version(), occurredAt,
                commentKey, producer, payload);
    }

    static TypeAndVersion typeOf(Class<?> payloadClass) {
        TypeAndVersion eventType = TYPES.get(payloadClass);
        if (eventType == null) {
            throw new IllegalArgumentException(payloadClass.getName() + " is not annotated with @EventType");
        }
        return eventType;
    }
}
