package se.kommun.moderation.classification.domain;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventType;
import se.kommun.moderation.events.MalformedEventException;

/**
 * One record of {@code comments.received} in, its outcome out: the encoded classification event, nothing
 * (a change without new text), or a rejection with a reason fit for the dead-letter header. Never
 * throws for a bad record, so that one poison record cannot take the rest of its batch down with it.
 *
 * <p>Reasons never quote content: the codec's messages name a field and a position only, and a failure
 * inside the classifier is reported by exception class alone (its message could carry text).
 */
public final class ReceivedCommentHandler {

    private final EventCodec codec = EventCodec.instance();
    private final ObjectReader reader = codec.mapper().readerFor(
            codec.mapper().getTypeFactory().constructParametricType(EventEnvelope.class, CommentReceived.class));
    private final Classification classifier;

    public ReceivedCommentHandler(CommentClassifier classifier) {
        this(classifier::classify);
    }

    ReceivedCommentHandler(Classification classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    /** {@link CommentClassifier#classify}, replaceable in tests. */
    @FunctionalInterface
    interface Classification {
        Optional<EventEnvelope<CommentClassified>> classify(EventEnvelope<CommentReceived> event, Instant now);
    }

    public Outcome handle(String json, Instant now) {
        EventEnvelope<CommentReceived> event;
        try {
            event = decode(json);
        } catch (MalformedEventException e) {
            return new Rejected(e.getMessage(), e);
        } catch (RuntimeException e) {
            return new Rejected("unreadable CommentReceived: " + e.getClass().getSimpleName(), e);
        }
        Optional<EventEnvelope<CommentClassified>> classified;
        String encoded;
        try {
            classified = classifier.classify(event, now);
            encoded = classified.map(codec::encode).orElse(null);
        } catch (RuntimeException e) {
            return new Rejected("classification failed: " + e.getClass().getSimpleName(), e);
        }
        return classified.<Outcome>map(out -> new Classified(out.commentKey(), out.eventId().toString(), encoded))
                .orElse(Skipped.INSTANCE);
    }

    /**
     * The codec's reading of the record, in one pass where it can: a well-formed event of the right type
     * and version is bound straight from the text with the codec's own mapper; anything else (a bind
     * error, another type, a newer version) is read again by {@link EventCodec#decode}, which rejects it
     * with its reason. The codec first builds a tree to check the type; that second pass over every
     * comment is what this saves.
     */
    EventEnvelope<CommentReceived> decode(String json) {
        if (json != null) {
            try {
                EventEnvelope<CommentReceived> event = reader.readValue(json);
                if (event != null && TYPE.name().equals(event.type()) && event.version() <= TYPE.version()) {
                    return event;
                }
            } catch (IOException | RuntimeException readAgainForTheReason) {
                // fall through: the codec says why
            }
        }
        return codec.decode(json, CommentReceived.class);
    }

    private static final EventType TYPE = CommentReceived.class.getAnnotation(EventType.class);

    /** What became of one record. */
    public sealed interface Outcome permits Classified, Skipped, Rejected {
    }

    /** Publish {@code json} to comments.classified under {@code commentKey}. */
    public record Classified(String commentKey, String eventId, String json) implements Outcome {
    }

    /** Removed, hidden or unhidden: no new text, nothing to publish. */
    public enum Skipped implements Outcome {
        INSTANCE
    }

    /** A poison record: to the dead-letter topic with this reason. */
    public record Rejected(String reason, RuntimeException cause) implements Outcome {
    }
}
