package se.kommun.moderation.classification.domain;

import java.time.Instant;
import java.util.Optional;
import se.kommun.moderation.events.ClassifiedComment;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.Verb;

/**
 * Turns a received comment into its classification event. Deterministic: the same input event
 * yields the same output eventId, so a replay is recognised downstream.
 */
public final class CommentClassifier {

    public static final String PRODUCER = "classification-service";

    private final FirstRuleSet rules = new FirstRuleSet();
    private final double reviewThreshold;

    public CommentClassifier(double reviewThreshold) {
        this.reviewThreshold = reviewThreshold;
    }

    /** Empty for changes that carry no new text to judge (removed, hidden, unhidden). */
    public Optional<EventEnvelope<CommentClassified>> classify(EventEnvelope<CommentReceived> event, Instant now) {
        CommentReceived comment = event.payload();
        if (comment.verb() != Verb.ADDED && comment.verb() != Verb.EDITED) {
            return Optional.empty();
        }
        Verdict verdict = rules.classify(comment.text());
        CommentClassified payload = new CommentClassified(event.eventId(), verdict.route(), verdict.subtype(),
                verdict.flags(), verdict.confidence(), verdict.needsResponse(),
                verdict.confidence() < reviewThreshold, verdict.reasons(), FirstRuleSet.VERSION,
                new ClassifiedComment(comment.platform(), comment.accountId(), comment.commentId(), comment.author(),
                        comment.text(), comment.permalink(), comment.receivedAt(), comment.verb()));
        return Optional.of(EventEnvelope.wrap(
                EventIds.derive("CommentClassified", event.eventId().toString(), FirstRuleSet.VERSION),
                now, event.commentKey(), PRODUCER, payload));
    }
}
