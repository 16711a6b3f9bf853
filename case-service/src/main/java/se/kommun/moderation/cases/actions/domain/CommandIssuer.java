package se.kommun.moderation.cases.actions.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.UUID;
import se.kommun.moderation.cases.actions.persistence.PlatformCommandEntity;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.outbox.domain.Outbox;
import se.kommun.moderation.events.CommandAction;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.PlatformCommandIssued;
import se.kommun.moderation.events.Topics;

/**
 * Writes a platform command and its event in one transaction. The idempotency key names the
 * decision and its attempt, so a redelivery of the same command is recognisable by the executor,
 * while a moderator's retry after a failure is a new command.
 */
@ApplicationScoped
public class CommandIssuer {

    @Inject
    Outbox outbox;

    @Transactional(TxType.MANDATORY)
    public PlatformCommandEntity issue(DeskCommentEntity comment, CommandAction action, String replyText,
            UUID evidenceBundleId, UUID caseId, UUID taskId, String actor) {
        long previous = PlatformCommandEntity.count("commentKey = ?1 and action = ?2 and coalesce(taskId, ?3) = ?3",
                comment.commentKey, action, taskId == null ? new UUID(0, 0) : taskId);
        String idempotencyKey = action.name().toLowerCase(java.util.Locale.ROOT) + ':' + comment.commentKey
                + (taskId == null ? "" : ":task:" + taskId) + ":#" + (previous + 1);
        UUID commandId = EventIds.derive("PlatformCommandIssued", idempotencyKey);
        Instant now = Instant.now();

        PlatformCommandEntity command = new PlatformCommandEntity();
        command.commandId = commandId;
        command.idempotencyKey = idempotencyKey;
        command.commentKey = comment.commentKey;
        command.action = action;
        command.taskId = taskId;
        command.state = PlatformCommandEntity.ISSUED;
        command.issuedBy = actor;
        command.issuedAt = now;
        command.persist();

        PlatformCommandIssued event = new PlatformCommandIssued(commandId, idempotencyKey, action,
                Platform.fromId(comment.platform), comment.accountId, comment.commentId, replyText, evidenceBundleId,
                caseId, actor, now);
        outbox.add(Topics.PLATFORM_COMMANDS,
                EventEnvelope.wrap(commandId, now, comment.commentKey, ModerationEvents.PRODUCER, event));
        return command;
    }
}
