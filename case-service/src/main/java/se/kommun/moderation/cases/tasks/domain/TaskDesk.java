package se.kommun.moderation.cases.tasks.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import se.kommun.moderation.cases.audit.domain.AuditTrail;
import se.kommun.moderation.cases.actions.persistence.EvidenceEntity;
import se.kommun.moderation.cases.desk.domain.DeskRuleException;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.sla.domain.WorkingTime;
import se.kommun.moderation.cases.tasks.persistence.TaskEntity;
import se.kommun.moderation.events.Route;

/** Creating and moving tasks, each change on the audit trail. */
@ApplicationScoped
public class TaskDesk {

    static final String REVIEW_REASON = "the classifier is unsure: confirm or change the route";

    @Inject
    AuditTrail audit;

    @Inject
    WorkingTime workingTime;

    /**
     * The tasks a comment's route asks for: confidential → contact the sender privately, criminal →
     * a police report (with the evidence if it is already here), a question or complaint → an
     * answer within one working day, and one the classifier was unsure about → a review by a person
     * within one working day. A comment moved into the removal lane loses its public answer and its
     * review: the removal queue asks a person there, or the classifier is now sure.
     */
    @Transactional(TxType.MANDATORY)
    public void openForRoute(DeskCommentEntity comment, String actor) {
        Route route = Route.valueOf(comment.route);
        Instant due = workingTime.oneWorkingDayAfter(comment.receivedAt);
        switch (route) {
            case CONFIDENTIAL -> openOnce(comment.commentKey, comment.caseId, TaskKind.CONTACT_SENDER, due, actor,
                    "confidential: contact the sender privately");
            case CRIMINAL -> openOnce(comment.commentKey, comment.caseId, TaskKind.POLICE_REPORT, null, actor,
                    "criminal: file a police report")
                    .ifPresent(task -> EvidenceEntity.latestFor(comment.commentKey)
                            .ifPresent(evidence -> task.evidenceBundleId = evidence.bundleId));
            case COMPLAINT, TRIVIAL -> {
                if (comment.needsResponse) {
                    openOnce(comment.commentKey, comment.caseId, TaskKind.ANSWER, due, actor,
                            "answer within one working day");
                }
                // Uncertain never means trivial: a person looks before the comment is left to culling.
                // Once per comment: a redelivery or a later classification never opens a second one.
                if (comment.reviewRequired) {
                    openOnce(comment.commentKey, comment.caseId, TaskKind.REVIEW, due, actor, REVIEW_REASON);
                }
            }
        }
        if (route == Route.CONFIDENTIAL || route == Route.CRIMINAL) {
            TaskEntity.<TaskEntity>list("commentKey = ?1 and kind = ?2", comment.commentKey, TaskKind.ANSWER).stream()
                    .filter(task -> task.status.isOpen())
                    .forEach(task -> close(task, TaskStatus.CANCELLED, "never answered in public: " + route, actor));
            openReview(comment.commentKey).ifPresent(task -> close(task, TaskStatus.CANCELLED,
                    "moved into the removal lane: " + route, actor));
        }
    }

    /** The comment's review, while it waits for a person's decision. */
    @Transactional(TxType.MANDATORY)
    public Optional<TaskEntity> openReview(String commentKey) {
        return TaskEntity.<TaskEntity>find("commentKey = ?1 and kind = ?2", commentKey, TaskKind.REVIEW)
                .firstResultOptional().filter(task -> task.status.isOpen());
    }

    /** A comment registered after its tasks were opened: they are the case's tasks now. */
    @Transactional(TxType.MANDATORY)
    public void fileIn(String commentKey, UUID caseId) {
        TaskEntity.<TaskEntity>list("commentKey = ?1 and caseId is null", commentKey).forEach(task -> {
            task.caseId = caseId;
            task.updatedAt = Instant.now();
        });
    }

    /** Opens the task of that kind for the comment unless it already has one (automatic tasks are one per kind). */
    @Transactional(TxType.MANDATORY)
    public Optional<TaskEntity> openOnce(String commentKey, UUID caseId, TaskKind kind, Instant dueAt, String actor,
            String reason) {
        if (TaskEntity.count("commentKey = ?1 and kind = ?2", commentKey, kind) > 0) {
            return Optional.empty();
        }
        return Optional.of(open(commentKey, caseId, kind, dueAt, null, null, actor, reason));
    }

    @Transactional(TxType.MANDATORY)
    public TaskEntity open(String commentKey, UUID caseId, TaskKind kind, Instant dueAt, String assignee, String note,
            String actor, String reason) {
        TaskEntity task = new TaskEntity();
        task.id = UUID.randomUUID();
        task.commentKey = commentKey;
        task.caseId = caseId;
        task.kind = kind;
        task.status = TaskStatus.OPEN;
        task.assignee = assignee;
        task.dueAt = dueAt;
        task.note = note;
        task.createdAt = Instant.now();
        task.updatedAt = task.createdAt;
        task.persist();
        audit.record(caseId, commentKey, "task " + kind, "opened" + (assignee == null ? "" : " for " + assignee),
                actor, reason);
        return task;
    }

    @Transactional
    public TaskEntity assign(UUID taskId, String assignee, String actor) {
        TaskEntity task = openTask(taskId);
        task.assignee = assignee;
        task.status = TaskStatus.IN_PROGRESS;
        task.updatedAt = Instant.now();
        audit.record(task.caseId, task.commentKey, "task " + task.kind, "assigned to " + assignee, actor, null);
        return task;
    }

    @Transactional
    public TaskEntity complete(UUID taskId, String note, String actor) {
        TaskEntity task = openTask(taskId);
        close(task, TaskStatus.DONE, note, actor);
        return task;
    }

    @Transactional(TxType.MANDATORY)
    public void close(TaskEntity task, TaskStatus status, String note, String actor) {
        task.status = status;
        if (note != null) {
            task.note = note;
        }
        task.updatedAt = Instant.now();
        audit.record(task.caseId, task.commentKey, "task " + task.kind, status.name().toLowerCase(java.util.Locale.ROOT),
                actor, note);
    }

    /** Attaches an evidence bundle to the comment's police-report task, if it has one without. */
    @Transactional(TxType.MANDATORY)
    public void attachEvidence(String commentKey, UUID bundleId) {
        TaskEntity.<TaskEntity>find("commentKey = ?1 and kind = ?2", commentKey, TaskKind.POLICE_REPORT)
                .firstResultOptional()
                .filter(task -> task.evidenceBundleId == null)
                .ifPresent(task -> {
                    task.evidenceBundleId = bundleId;
                    task.updatedAt = Instant.now();
                    audit.record(task.caseId, commentKey, "task POLICE_REPORT", "evidence attached", "archive-service",
                            "bundle " + bundleId);
                });
    }

    public TaskEntity openTask(UUID taskId) {
        TaskEntity task = TaskEntity.findById(taskId);
        if (task == null) {
            throw DeskRuleException.notFound("no task " + taskId);
        }
        if (!task.status.isOpen()) {
            throw DeskRuleException.conflict("task " + taskId + " is already " + task.status);
        }
        return task;
    }
}
