package se.kommun.moderation.cases.actions.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.kommun.moderation.cases.actions.persistence.RemovalEntity;
import se.kommun.moderation.cases.audit.domain.AuditTrail;
import se.kommun.moderation.cases.desk.domain.DeskRuleException;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.diarium.persistence.Diarium;
import se.kommun.moderation.cases.tasks.domain.TaskDesk;
import se.kommun.moderation.cases.tasks.domain.TaskStatus;
import se.kommun.moderation.events.Route;

/**
 * A moderator moves a comment the classifier let through into the removal lane: a veiled threat,
 * a diagnosis it took for chatter. The override goes out on moderation.decisions (the classifier
 * learns from it, the archive captures evidence on it); the comment is registered, gets the tasks
 * of its new route, and its removal waits for the evidence like any other. A review of the comment
 * waiting for a person is done with this decision, whichever queue it was made from.
 */
@ApplicationScoped
public class Escalations {

    @Inject
    Diarium diarium;

    @Inject
    DecidedFiling filing;

    @Inject
    TaskDesk tasks;

    @Inject
    DecisionPoint decisionPoint;

    @Inject
    ModerationEvents decisions;

    @Inject
    AuditTrail audit;

    @Transactional
    public RemovalEntity escalate(String commentKey, Route route, String subtype, String reason, String actor) {
        if (route != Route.CRIMINAL && route != Route.CONFIDENTIAL) {
            throw new IllegalArgumentException("a comment is escalated to CRIMINAL or CONFIDENTIAL, not " + route);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason is required");
        }
        diarium.lockComment(commentKey);
        DeskCommentEntity comment = DeskCommentEntity.findById(commentKey);
        if (comment == null) {
            throw DeskRuleException.notFound("no comment " + commentKey + " on the desk");
        }
        Route classified = Route.valueOf(comment.route);
        if (classified == Route.CRIMINAL || classified == Route.CONFIDENTIAL) {
            throw DeskRuleException.conflict(commentKey + " is already " + classified
                    + ": confirm or reject its removal in the queue");
        }
        decisions.decided(comment, route, subtype, reason, actor);
        audit.record(comment.caseId, commentKey, "comment", "escalated from " + classified + " to " + route, actor,
                reason);
        tasks.openReview(commentKey).ifPresent(review -> tasks.close(review, TaskStatus.DONE,
                "decided: escalated to " + route, actor));
        comment.route = route.name();
        comment.subtype = subtype;
        filing.file(comment, route, subtype, actor, "escalated to " + route);
        tasks.openForRoute(comment, actor);
        return decisionPoint.removeOnModeratorsDecision(comment, comment.caseId, reason, actor);
    }
}
