package se.kommun.moderation.cases.actions.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.UUID;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.outbox.domain.Outbox;
import se.kommun.moderation.cases.quality.domain.ModeratorLabels;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.ModerationDecided;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Topics;

/**
 * Announces people's decisions and legal holds on moderation.decisions, through the outbox. A
 * confirmation or override also becomes the comment's label for the training corpus, in the same
 * transaction.
 */
@ApplicationScoped
public class ModerationEvents {

    static final String PRODUCER = "case-service";

    @Inject
    Outbox outbox;

    @Inject
    ModeratorLabels labels;

    /** A moderator agreed with the classifier (decided == classified route) or overrode it; which one it was. */
    @Transactional(TxType.MANDATORY)
    public DecisionKind decided(DeskCommentEntity comment, Route decidedRoute, String decidedSubtype, String reason,
            String actor) {
        Route classified = Route.valueOf(comment.route);
        DecisionKind kind = classified == decidedRoute ? DecisionKind.CONFIRMED : DecisionKind.OVERRIDDEN;
        UUID decisionId = EventIds.derive("ModerationDecided", comment.commentKey, comment.classifiedEvent.toString(),
                kind.name(), decidedRoute.name());
        Instant decidedAt = Instant.now();
        // Before the event: the label reads the desk as the classifier left it (callers move it after).
        labels.record(comment, decidedRoute, decidedSubtype, actor, decidedAt);
        publish(comment.commentKey, new ModerationDecided(decisionId, kind, comment.classifiedEvent, classified,
                comment.subtype, comment.detectorList(), comment.ruleSetVersion, decidedRoute, decidedSubtype, null,
                reason, actor, decidedAt));
        return kind;
    }

    /** Nothing about the comment may be culled while the case it is filed in is open. */
    @Transactional(TxType.MANDATORY)
    public void legalHold(String commentKey, String diaryNumber, boolean set, String reason, String actor) {
        DecisionKind kind = set ? DecisionKind.LEGAL_HOLD_SET : DecisionKind.LEGAL_HOLD_RELEASED;
        UUID decisionId = EventIds.derive("ModerationDecided", commentKey, kind.name(), diaryNumber);
        publish(commentKey, new ModerationDecided(decisionId, kind, null, null, null, null, null, null, null,
                diaryNumber, reason, actor, Instant.now()));
    }

    private void publish(String commentKey, ModerationDecided decision) {
        outbox.add(Topics.MODERATION_DECISIONS,
                EventEnvelope.wrap(decision.decisionId(), decision.decidedAt(), commentKey, PRODUCER, decision));
    }
}
