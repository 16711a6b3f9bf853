package se.kommun.moderation.classification.feedback.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.ModerationDecided;
import se.kommun.moderation.events.Route;

/**
 * A moderator's confirmation or override of one classification, as the classifier keeps it: what it
 * said (route, subtype, the detectors behind it, the rule set) next to what the person decided.
 * Neither the moderator's identity nor the free-text reason is kept: agreement per detector needs
 * neither, and the reason may quote the comment.
 *
 * @param eventId the decision event's id: a replayed event is recognised by it
 * @param classificationKey which classification the decision is about (its event id; the decision's
 *     own event id when the decision does not name one), so that a later decision supersedes an earlier one
 */
public record Feedback(
        UUID eventId,
        UUID decisionId,
        String commentKey,
        DecisionKind kind,
        UUID classificationKey,
        Route classifiedRoute,
        String classifiedSubtype,
        List<String> detectors,
        String ruleSetVersion,
        Route decidedRoute,
        String decidedSubtype,
        Instant decidedAt) {

    public Feedback {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(commentKey, "commentKey");
        Objects.requireNonNull(classificationKey, "classificationKey");
        Objects.requireNonNull(classifiedRoute, "classifiedRoute");
        Objects.requireNonNull(decidedRoute, "decidedRoute");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (kind != DecisionKind.CONFIRMED && kind != DecisionKind.OVERRIDDEN) {
            throw new IllegalArgumentException("feedback is a confirmation or an override, not " + kind);
        }
        detectors = detectors.stream().filter(d -> d != null && !d.isBlank()).distinct().sorted().toList();
    }

    /** The feedback in a decision event; empty for legal holds, which say nothing about the classifier. */
    public static Optional<Feedback> of(EventEnvelope<ModerationDecided> event) {
        ModerationDecided decision = event.payload();
        if (decision.kind() != DecisionKind.CONFIRMED && decision.kind() != DecisionKind.OVERRIDDEN) {
            return Optional.empty();
        }
        UUID classification = decision.classificationEventId() != null ? decision.classificationEventId()
                : event.eventId();
        return Optional.of(new Feedback(event.eventId(), decision.decisionId(), event.commentKey(), decision.kind(),
                classification, decision.classifiedRoute(), decision.classifiedSubtype(),
                decision.classifiedDetectors(), decision.ruleSetVersion(), decision.decidedRoute(),
                decision.decidedSubtype(), decision.decidedAt()));
    }
}
