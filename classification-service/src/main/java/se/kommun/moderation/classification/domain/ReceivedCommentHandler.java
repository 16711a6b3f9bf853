package se.kommun.moderation.classification.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
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
            event = codec.decode(json, CommentReceived.class);
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
