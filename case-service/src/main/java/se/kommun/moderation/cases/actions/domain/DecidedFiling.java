package se.kommun.moderation.cases.actions.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;
import se.kommun.moderation.cases.audit.domain.AuditTrail;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.diarium.domain.CaseRegistrar;
import se.kommun.moderation.cases.diarium.domain.Registration;
import se.kommun.moderation.cases.diarium.persistence.Diarium;
import se.kommun.moderation.cases.tasks.domain.TaskDesk;
import se.kommun.moderation.events.Route;

/**
 * Files a comment a person moved into a route that must be registered, as the intake files the
 * classifier's: a case (unless the comment is in one already), its entry on the audit trail, and a
 * legal hold for the archive while the case is open. Tasks the comment already had become the case's.
 */
@ApplicationScoped
public class DecidedFiling {

    @Inject
    Diarium diarium;

    @Inject
    CaseRegistrar registrar;

    @Inject
    ModerationEvents decisions;

    @Inject
    AuditTrail audit;

    @Inject
    TaskDesk tasks;

    /** The registration, or empty when the route needs none or the comment was registered before. */
    @Transactional(TxType.MANDATORY)
    public Optional<Registration> file(DeskCommentEntity comment, Route route, String subtype, String actor,
            String why) {
        Optional<Registration> registration = registrar.registerDecided(comment, route, subtype);
        registration.ifPresent(r -> {
            comment.caseId = r.registeredCase().id;
            audit.record(r.registeredCase().id, comment.commentKey, "case " + r.registeredCase().diaryNumber,
                    "registered", actor, why);
            decisions.legalHold(comment.commentKey, r.registeredCase().diaryNumber, true, "filed in an open case",
                    "case-service");
        });
        if (comment.caseId == null) {
            comment.caseId = diarium.caseOf(comment.commentKey).orElse(null);
        }
        if (comment.caseId != null) {
            tasks.fileIn(comment.commentKey, comment.caseId);
        }
        return registration;
    }
}
