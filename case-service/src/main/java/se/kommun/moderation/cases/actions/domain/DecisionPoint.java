package se.kommun.moderation.cases.actions.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import se.kommun.moderation.cases.actions.persistence.EvidenceEntity;
import se.kommun.moderation.cases.actions.persistence.RemovalEntity;
import se.kommun.moderation.cases.audit.domain.AuditTrail;
import se.kommun.moderation.cases.config.CaseConfig;
import se.kommun.moderation.cases.desk.domain.DeskRuleException;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.events.CommandAction;
import se.kommun.moderation.events.Route;

/**
 * The one place where irreversible platform actions are decided. A CONFIDENTIAL or CRIMINAL
 * comment is removed (HIDE or DELETE per platform) automatically when the classifier is sure enough
 * and did not ask for review, otherwise only when a moderator confirms — and in both cases
 * <em>only after the archive's evidence.captured for that comment has arrived</em>. A removal that
 * waits for evidence that never comes is never sent.
 */
@ApplicationScoped
public class DecisionPoint {

    private static final Logger LOG = Logger.getLogger(DecisionPoint.class);
    static final String SYSTEM = "case-service";

    @Inject
    CaseConfig config;

    @Inject
    CommandIssuer commands;

    @Inject
    AuditTrail audit;

    @Inject
    ModerationEvents decisions;

    /** Whether a removal decision is automatic: pure, so the rule is testable on its own. */
    public static boolean isAutomatic(double confidence, boolean reviewRequired, double threshold) {
        return !reviewRequired && confidence >= threshold;
    }

    public CommandAction actionFor(String platform) {
        String configured = config.decision().actionByPlatform().getOrDefault(platform, config.decision().defaultAction());
        CommandAction action = CommandAction.valueOf(configured.toUpperCase(Locale.ROOT));
        if (!action.removesContent()) {
            throw new IllegalStateException("the removal action for " + platform + " must be HIDE or DELETE");
        }
        return action;
    }

    /** A classified comment in the removal lane: decide, or queue it for a moderator. */
    @Transactional(TxType.MANDATORY)
    public void consider(DeskCommentEntity comment, UUID caseId) {
        Route route = Route.valueOf(comment.route);
        if (route != Route.CRIMINAL && route != Route.CONFIDENTIAL) {
            return;
        }
        if (RemovalEntity.findById(comment.commentKey) != null) {
            return;
        }
        boolean automatic = isAutomatic(comment.confidence, comment.reviewRequired, config.decision().autoThreshold());
        RemovalEntity removal = new RemovalEntity();
        removal.commentKey = comment.commentKey;
        removal.caseId = caseId;
        removal.action = actionFor(comment.platform);
        removal.automatic = automatic;
        removal.state = automatic ? RemovalState.AWAITING_EVIDENCE : RemovalState.AWAITING_CONFIRMATION;
        removal.createdAt = Instant.now();
        removal.updatedAt = removal.createdAt;
        removal.persist();
        audit.record(caseId, comment.commentKey, "removal " + removal.action, removal.state.name(), SYSTEM,
                String.format(Locale.ROOT, "%s, confidence %.2f%s", route, comment.confidence,
                        comment.reviewRequired ? ", review required" : ""));
        if (automatic) {
            EvidenceEntity.latestFor(comment.commentKey).ifPresent(evidence -> send(removal, comment, evidence, SYSTEM));
        }
    }

    /**
     * A moderator decided that a comment outside the removal lane must be removed (the classifier
     * missed it). Like any confirmed removal it still waits for the archive's evidence, which the
     * archive captures on the moderator's decision.
     */
    @Transactional(TxType.MANDATORY)
    public RemovalEntity removeOnModeratorsDecision(DeskCommentEntity comment, UUID caseId, String reason,
            String actor) {
        if (RemovalEntity.findById(comment.commentKey) != null) {
            throw DeskRuleException.conflict("a removal of " + comment.commentKey + " exists already");
        }
        RemovalEntity removal = new RemovalEntity();
        removal.commentKey = comment.commentKey;
        removal.caseId = caseId;
        removal.action = actionFor(comment.platform);
        removal.automatic = false;
        removal.confirmedBy = actor;
        removal.state = RemovalState.AWAITING_EVIDENCE;
        removal.createdAt = Instant.now();
        removal.updatedAt = removal.createdAt;
        removal.persist();
        audit.record(caseId, comment.commentKey, "removal " + removal.action, removal.state.name(), actor, reason);
        EvidenceEntity.latestFor(comment.commentKey).ifPresent(evidence -> send(removal, comment, evidence, actor));
        return removal;
    }

    /** The archive saved a copy: a removal that was only waiting for it goes out now. */
    @Transactional(TxType.MANDATORY)
    public void evidenceArrived(EvidenceEntity evidence) {
        RemovalEntity removal = RemovalEntity.findById(evidence.commentKey);
        if (removal == null || removal.state != RemovalState.AWAITING_EVIDENCE) {
            return;
        }
        DeskCommentEntity comment = DeskCommentEntity.findById(evidence.commentKey);
        send(removal, comment, evidence, removal.automatic ? SYSTEM : removal.confirmedBy);
    }

    /** A moderator confirms a queued removal (or retries a failed one); it still waits for evidence. */
    @Transactional
    public RemovalEntity confirm(String commentKey, Optional<CommandAction> action, String reason, String actor) {
        RemovalEntity removal = RemovalEntity.findById(commentKey);
        if (removal == null) {
            throw DeskRuleException.notFound("no removal is pending for " + commentKey);
        }
        if (removal.state != RemovalState.AWAITING_CONFIRMATION && removal.state != RemovalState.FAILED) {
            throw DeskRuleException.conflict("the removal of " + commentKey + " is " + removal.state
                    + "; only AWAITING_CONFIRMATION or FAILED can be confirmed");
        }
        DeskCommentEntity comment = DeskCommentEntity.findById(commentKey);
        if (action.isPresent()) {
            if (!action.get().removesContent()) {
                throw DeskRuleException.conflict("a removal is HIDE or DELETE, not " + action.get());
            }
            removal.action = action.get();
        }
        if (removal.state == RemovalState.AWAITING_CONFIRMATION) {
            decisions.decided(comment, Route.valueOf(comment.route), comment.subtype, reason, actor);
        }
        removal.confirmedBy = actor;
        removal.state = RemovalState.AWAITING_EVIDENCE;
        removal.updatedAt = Instant.now();
        audit.record(removal.caseId, commentKey, "removal " + removal.action, "confirmed", actor, reason);
        EvidenceEntity.latestFor(commentKey).ifPresent(evidence -> send(removal, comment, evidence, actor));
        return removal;
    }

    /** A moderator decides the comment stays: the classifier was wrong about the route. */
    @Transactional
    public RemovalEntity reject(String commentKey, Route decidedRoute, String decidedSubtype, String reason,
            String actor) {
        RemovalEntity removal = RemovalEntity.findById(commentKey);
        if (removal == null) {
            throw DeskRuleException.notFound("no removal is pending for " + commentKey);
        }
        if (removal.state == RemovalState.COMMANDED || removal.state == RemovalState.DONE
                || removal.state == RemovalState.REJECTED) {
            throw DeskRuleException.conflict("the removal of " + commentKey + " is already " + removal.state);
        }
        DeskCommentEntity comment = DeskCommentEntity.findById(commentKey);
        decisions.decided(comment, decidedRoute, decidedSubtype, reason, actor);
        removal.state = RemovalState.REJECTED;
        removal.confirmedBy = actor;
        removal.updatedAt = Instant.now();
        audit.record(removal.caseId, commentKey, "removal " + removal.action, "rejected: stays as " + decidedRoute,
                actor, reason);
        return removal;
    }

    private void send(RemovalEntity removal, DeskCommentEntity comment, EvidenceEntity evidence, String actor) {
        var command = commands.issue(comment, removal.action, null, evidence.bundleId, removal.caseId, null, actor);
        removal.evidenceBundleId = evidence.bundleId;
        removal.commandId = command.commandId;
        removal.state = RemovalState.COMMANDED;
        removal.updatedAt = Instant.now();
        audit.record(removal.caseId, removal.commentKey, "removal " + removal.action, "commanded", actor,
                "evidence " + evidence.bundleId + ", command " + command.idempotencyKey);
        LOG.infof("%s commanded for %s after evidence %s", removal.action, removal.commentKey, evidence.bundleId);
    }
}
