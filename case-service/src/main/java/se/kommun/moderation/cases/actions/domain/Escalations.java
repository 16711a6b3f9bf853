package se.kommun.moderation.cases.actions.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import se.kommun.moderation.cases.actions.persistence.RemovalEntity;
import se.kommun.moderation.cases.audit.domain.AuditTrail;
import se.kommun.moderation.cases.desk.domain.DeskRuleException;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.diarium.domain.CaseRegistrar;
import se.kommun.moderation.cases.diarium.domain.Registration;
import se.kommun.moderation.cases.diarium.persistence.Diarium;
import se.kommun.moderation.cases.tasks.domain.TaskDesk;
import se.kommun.moderation.events.Route;

/**
 * A moderator moves a comment the classifier let through into the removal lane: a veiled threat,
 * a diagnosis it took for chatter. The override goes out on moderation.decisions (the classifier
 * learns from it, the archive captures evidence on it); the comment is registered, gets the tasks
 * of its new route, and its removal waits for the evidence like any other.
 */
@ApplicationScoped
public class Escalations {

    @Inject
    Diarium diarium;

    @Inject
    CaseRegistrar registrar;

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
        comment.route = route.name();
        comment.subtype = subtype;
        Optional<Registration> registration = registrar.registerDecided(comment, route, subtype);
        registration.ifPresent(r -> {
            comment.caseId = r.registeredCase().id;
            audit.record(r.registeredCase().id, commentKey, "case " + r.registeredCase().diaryNumber, "registered",
                    actor, "escalated to " + route);
            decisions.legalHold(commentKey, r.registeredCase().diaryNumber, true, "filed in an open case",
                    "case-service");
        });
        if (comment.caseId == null) {
            comment.caseId = diarium.caseOf(commentKey).orElse(null);
        }
        tasks.openForRoute(comment, actor);
        return decisionPoint.removeOnModeratorsDecision(comment, comment.caseId, reason, actor);
    }
}
