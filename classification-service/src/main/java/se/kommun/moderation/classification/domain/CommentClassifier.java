package se.kommun.moderation.classification.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import se.kommun.moderation.classification.domain.model.ModelFile;
import se.kommun.moderation.classification.domain.model.RouteModel;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.classification.domain.rules.RuleSetRegistry;
import se.kommun.moderation.events.ClassifiedComment;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.Verb;

/**
 * Turns a received comment into its classification event. Deterministic: the same input event
 * under the same rule set yields the same output eventId, so a replay is recognised downstream.
 * Picks up a reloaded rule set on the next comment.
 */
public final class CommentClassifier {

    public static final String PRODUCER = "classification-service";

    private final RuleSetRegistry registry;
    private final Optional<RouteModel> model;
    private final double reviewThreshold;
    private volatile SwedishClassifier engine;

    /** With the bundled rules and the bundled model. */
    public CommentClassifier(double reviewThreshold) {
        this(reviewThreshold, RuleSetRegistry.bundled(), ModelFile.bundled());
    }

    public CommentClassifier(double reviewThreshold, RuleSetRegistry registry, Optional<RouteModel> model) {
        this.reviewThreshold = reviewThreshold;
        this.registry = Objects.requireNonNull(registry, "registry");
        this.model = Objects.requireNonNull(model, "model");
        this.engine = new SwedishClassifier(registry.current(), model);
    }

    /** Empty for changes that carry no new text to judge (removed, hidden, unhidden). */
    public Optional<EventEnvelope<CommentClassified>> classify(EventEnvelope<CommentReceived> event, Instant now) {
        CommentReceived comment = event.payload();
        if (comment.verb() != Verb.ADDED && comment.verb() != Verb.EDITED) {
            return Optional.empty();
        }
        SwedishClassifier classifier = current();
        Verdict verdict = classifier.classify(comment.text());
        String version = classifier.ruleSetVersion();
        CommentClassified payload = new CommentClassified(event.eventId(), verdict.route(), verdict.subtype(),
                verdict.flags(), verdict.confidence(), verdict.needsResponse(),
                reviewRequired(classifier, verdict), verdict.reasons(), version,
                new ClassifiedComment(comment.platform(), comment.accountId(), comment.commentId(), comment.author(),
                        comment.text(), comment.permalink(), comment.receivedAt(), comment.verb()));
        return Optional.of(EventEnvelope.wrap(
                EventIds.derive("CommentClassified", event.eventId().toString(), version),
                now, event.commentKey(), PRODUCER, payload));
    }

    /**
     * With a model, its calibrated probabilities decide what a person must see (the removal lane's
     * probability against the model's review threshold); the rules alone have only their confidence,
     * and anything below {@code classification.review-threshold} goes to a person.
     */
    private boolean reviewRequired(SwedishClassifier classifier, Verdict verdict) {
        return classifier.model().isPresent() ? verdict.reviewRequired() : verdict.confidence() < reviewThreshold;
    }

    /** The classifier for the rule set in force, rebuilt once after a reload. */
    public SwedishClassifier current() {
        RuleSet rules = registry.current();
        SwedishClassifier classifier = engine;
        if (classifier.rules() != rules) {
            classifier = new SwedishClassifier(rules, model);
            engine = classifier;
        }
        return classifier;
    }
}
