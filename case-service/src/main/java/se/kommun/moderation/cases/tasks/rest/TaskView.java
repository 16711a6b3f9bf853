package se.kommun.moderation.cases.tasks.rest;

import java.time.Instant;
import java.util.UUID;
import se.kommun.moderation.cases.tasks.persistence.TaskEntity;

public record TaskView(UUID id, String commentKey, UUID caseId, String kind, String status, String assignee,
        Instant dueAt, boolean overdue, UUID evidenceBundleId, String note, Instant createdAt, Instant updatedAt) {

    public static TaskView of(TaskEntity task, Instant now) {
        return new TaskView(task.id, task.commentKey, task.caseId, task.kind.name(), task.status.name(), task.assignee,
                task.dueAt, task.status.isOpen() && task.dueAt != null && task.dueAt.isBefore(now),
                task.evidenceBundleId, task.note, task.createdAt, task.updatedAt);
    }
}
