package se.kommun.moderation.cases.review.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import se.kommun.moderation.cases.actions.domain.DecidedFiling;
import se.kommun.moderation.cases.actions.domain.Escalations;
import se.kommun.moderation.cases.actions.domain.ModerationEvents;
import se.kommun.moderation.cases.actions.persistence.RemovalEntity;
import se.kommun.moderation.cases.audit.domain.AuditTrail;
import se.kommun.moderation.cases.desk.domain.DeskRuleException;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.diarium.persistence.CaseEntity;
import se.kommun.moderation.cases.diarium.persistence.Diarium;
import se.kommun.moderation.cases.tasks.domain.TaskDesk;
import se.kommun.moderation.cases.tasks.domain.TaskKind;
import se.kommun.moderation.cases.tasks.domain.TaskStatus;
import se.kommun.moderation.cases.tasks.persistence.TaskEntity;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.Route;

/**
 * A person's decision on a comment the classifier let through but was unsure about (a REVIEW
 * task). Either the route stands, or the person gives another: into the removal lane by the
 * escalation path (registration, tasks, removal after evidence), to COMPLAINT by registration, to
 * TRIVIAL with the registration kept — a diary entry is never undone. Every decision goes out on
 * moderation.decisions, which is also what lets the archive cull the record again.
 */
@ApplicationScoped
public class ReviewDesk {

    @Inject
    Diarium diarium;

    @Inject
    TaskDesk tasks;

    @Inject
    ModerationEvents decisions;

    @Inject
    Escalations escalations;

    @Inject
    DecidedFiling filing;

    @Inject
    AuditTrail audit;

    /** What was decided; {@code removal} only when the comment went into the removal lane. */
    public record Decision(TaskEntity review, DecisionKind kind, Route route, String subtype, UUID caseId,
            String diaryNumber, RemovalEntity removal) {
    }

    /** The classifier's route stands. */
    @Transactional
    public Decision confirm(String commentKey, String reason, String actor) {
        diarium.lockComment(commentKey);
        DeskCommentEntity comment = commentOnDesk(commentKey);
        TaskEntity review = openReviewOf(comment);
        Route route = Route.valueOf(comment.route);
        DecisionKind kind = decisions.decided(comment, route, comment.subtype, reason, actor);
        audit.record(comment.caseId, commentKey, "comment", "route " + route + " confirmed on review", actor, reason);
        tasks.close(review, TaskStatus.DONE, "confirmed: " + route, actor);
        return decision(review, kind, comment, null);
    }

    /** The person's route (the same one counts as a confirmation, with the person's subtype). */
    @Transactional
    public Decision decide(String commentKey, Route route, String subtype, String reason, String actor) {
        if (route == null) {
            throw new IllegalArgumentException("route is required");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason is required");
        }
        diarium.lockComment(commentKey);
        DeskCommentEntity comment = commentOnDesk(commentKey);
        TaskEntity review = openReviewOf(comment);
        if (route == Route.CRIMINAL || route == Route.CONFIDENTIAL) {
            // The same path as escalating from the queue; it announces the decision and closes the review.
            RemovalEntity removal = escalations.escalate(commentKey, route, subtype, reason, actor);
            return decision(review, DecisionKind.OVERRIDDEN, comment, removal);
        }
        Route classified = Route.valueOf(comment.route);
        String decidedSubtype = subtype == null || subtype.isBlank() ? null : subtype.strip();
        DecisionKind kind = decisions.decided(comment, route, decidedSubtype, reason, actor);
        if (route == classified) {
            audit.record(comment.caseId, commentKey, "comment", "route " + route + " confirmed on review", actor,
                    reason);
            if (decidedSubtype != null) {
                comment.subtype = decidedSubtype;
            }
        } else {
            audit.record(comment.caseId, commentKey, "comment", "route changed from " + classified + " to " + route,
                    actor, route == Route.TRIVIAL ? reason + keptRegistration(commentKey) : reason);
            comment.route = route.name();
            comment.subtype = decidedSubtype;
            filing.file(comment, route, decidedSubtype, actor, "decided on review: " + route);
        }
        tasks.openForRoute(comment, actor);
        tasks.close(review, TaskStatus.DONE, (kind == DecisionKind.CONFIRMED ? "confirmed: " : "decided: ") + route,
                actor);
        return decision(review, kind, comment, null);
    }

    private String keptRegistration(String commentKey) {
        return diarium.caseOf(commentKey)
                .map(caseId -> CaseEntity.<CaseEntity>findById(caseId))
                .map(registered -> "; the registration in case " + registered.diaryNumber
                        + " stays: a diary entry is never undone")
                .orElse("");
    }

    private static DeskCommentEntity commentOnDesk(String commentKey) {
        DeskCommentEntity comment = DeskCommentEntity.findById(commentKey);
        if (comment == null) {
            throw DeskRuleException.notFound("no comment " + commentKey + " on the desk");
        }
        return comment;
    }

    private TaskEntity openReviewOf(DeskCommentEntity comment) {
        TaskEntity review = tasks.openReview(comment.commentKey).orElseThrow(() -> DeskRuleException.conflict(
                "no open review for " + comment.commentKey + closedReview(comment.commentKey)));
        Route route = Route.valueOf(comment.route);
        if (route == Route.CRIMINAL || route == Route.CONFIDENTIAL) {
            // Not reached while the intake cancels a review on moving into the removal lane; kept as the rule.
            throw DeskRuleException.conflict(comment.commentKey + " is " + route
                    + ": confirm or reject its removal in the queue");
        }
        return review;
    }

    private static String closedReview(String commentKey) {
        return TaskEntity.<TaskEntity>find("commentKey = ?1 and kind = ?2", commentKey, TaskKind.REVIEW)
                .firstResultOptional().map(task -> ": its review is already " + task.status).orElse("");
    }

    private static Decision decision(TaskEntity review, DecisionKind kind, DeskCommentEntity comment,
            RemovalEntity removal) {
        CaseEntity registered = comment.caseId == null ? null : CaseEntity.findById(comment.caseId);
        return new Decision(review, kind, Route.valueOf(comment.route), comment.subtype, comment.caseId,
                registered == null ? null : registered.diaryNumber, removal);
    }
}
