package se.kommun.moderation.cases.actions.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import se.kommun.moderation.cases.actions.persistence.PlatformCommandEntity;
import se.kommun.moderation.cases.audit.domain.AuditTrail;
import se.kommun.moderation.cases.config.CaseConfig;
import se.kommun.moderation.cases.desk.domain.DeskRuleException;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.tasks.domain.TaskDesk;
import se.kommun.moderation.cases.tasks.domain.TaskKind;
import se.kommun.moderation.cases.tasks.persistence.TaskEntity;
import se.kommun.moderation.events.CommandAction;
import se.kommun.moderation.events.Route;

/**
 * Public answers go out as REPLY commands, signed "/Namn, roll, Organisation". Confidential and
 * criminal comments are never answered in public: the first gets a private contact, the second a
 * police report.
 */
@ApplicationScoped
public class Replies {

    static final int MAX_LENGTH = 8000;

    @Inject
    CaseConfig config;

    @Inject
    TaskDesk tasks;

    @Inject
    CommandIssuer commands;

    @Inject
    AuditTrail audit;

    /** The text as posted: the answer, a blank line and the signature. */
    public static String signed(String text, String name, String role, String organisation) {
        return text.strip() + "\n\n/" + name.strip() + ", " + role.strip() + ", " + organisation.strip();
    }

    @Transactional
    public PlatformCommandEntity reply(UUID taskId, String text, String name, String role, String actor) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text is required");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("text must be at most " + MAX_LENGTH + " characters");
        }
        TaskEntity task = tasks.openTask(taskId);
        if (task.kind != TaskKind.ANSWER) {
            throw DeskRuleException.conflict("task " + taskId + " is " + task.kind + ", not ANSWER");
        }
        DeskCommentEntity comment = DeskCommentEntity.findById(task.commentKey);
        Route route = Route.valueOf(comment.route);
        if (route == Route.CONFIDENTIAL || route == Route.CRIMINAL) {
            throw DeskRuleException.conflict("a " + route + " comment is never answered in public");
        }
        if (PlatformCommandEntity.count("taskId = ?1 and state in (?2, 'SUCCEEDED')", taskId,
                PlatformCommandEntity.ISSUED) > 0) {
            throw DeskRuleException.conflict("task " + taskId + " already has a reply on its way or posted");
        }
        String signedText = signed(text,
                name == null || name.isBlank() ? config.reply().defaultName() : name,
                role == null || role.isBlank() ? config.reply().defaultRole() : role,
                config.reply().organisation());
        PlatformCommandEntity command = commands.issue(comment, CommandAction.REPLY, signedText, null, task.caseId,
                task.id, actor);
        audit.record(task.caseId, task.commentKey, "task ANSWER", "reply sent", actor, command.idempotencyKey);
        return command;
    }
}
