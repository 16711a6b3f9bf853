package se.kommun.moderation.cases.actions.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import org.jboss.logging.Logger;
import se.kommun.moderation.cases.actions.persistence.PlatformCommandEntity;
import se.kommun.moderation.cases.actions.persistence.RemovalEntity;
import se.kommun.moderation.cases.audit.domain.AuditTrail;
import se.kommun.moderation.cases.tasks.domain.TaskDesk;
import se.kommun.moderation.cases.tasks.domain.TaskStatus;
import se.kommun.moderation.cases.tasks.persistence.TaskEntity;
import se.kommun.moderation.events.CommandOutcome;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.PlatformCommandCompleted;

/**
 * What came back from the platforms: the command's row, the removal or answer task it belongs to,
 * and the queue (a failure puts the removal back in front of a moderator). Idempotent: a result for
 * a command that is no longer ISSUED changes nothing.
 */
@ApplicationScoped
public class PlatformResults {

    private static final Logger LOG = Logger.getLogger(PlatformResults.class);

    @Inject
    AuditTrail audit;

    @Inject
    TaskDesk tasks;

    @Transactional
    public boolean record(EventEnvelope<PlatformCommandCompleted> event) {
        PlatformCommandCompleted result = event.payload();
        PlatformCommandEntity command = PlatformCommandEntity.findById(result.commandId());
        if (command == null || !PlatformCommandEntity.ISSUED.equals(command.state)) {
            return false;
        }
        command.state = result.outcome().name();
        command.attempts = result.attempts();
        command.platformStatus = result.platformStatus();
        command.platformMessage = result.platformMessage();
        command.completedAt = result.completedAt();
        boolean succeeded = result.outcome() == CommandOutcome.SUCCEEDED;
        String summary = result.outcome() + " after " + result.attempts() + " attempt(s)"
                + (result.platformStatus() == null ? "" : ", HTTP " + result.platformStatus())
                + (result.platformMessage() == null ? "" : ": " + result.platformMessage());

        RemovalEntity removal = RemovalEntity.find("commandId", command.commandId).firstResult();
        if (removal != null) {
            removal.state = succeeded ? RemovalState.DONE : RemovalState.FAILED;
            removal.outcomeMessage = summary;
            removal.updatedAt = result.completedAt();
            audit.record(removal.caseId, removal.commentKey, "removal " + removal.action,
                    succeeded ? "done" : "failed", "ingest-service", summary);
        }
        if (command.taskId != null) {
            TaskEntity task = TaskEntity.findById(command.taskId);
            if (task != null && task.status.isOpen()) {
                if (succeeded) {
                    tasks.close(task, TaskStatus.DONE, "answered on the platform", "ingest-service");
                } else {
                    task.note = "the reply failed: " + summary;
                    audit.record(task.caseId, task.commentKey, "task " + task.kind, "reply failed", "ingest-service",
                            summary);
                }
            }
        }
        LOG.infof("%s %s for %s", command.action, result.outcome().name().toLowerCase(Locale.ROOT), command.commentKey);
        return true;
    }
}
