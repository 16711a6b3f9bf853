package se.kommun.moderation.cases.audit.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The append-only audit trail: every state change with actor, time and reason, written in the same
 * transaction as the change. The database refuses updates and deletes of it.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager em;

    @Transactional(TxType.MANDATORY)
    public void record(UUID caseId, String commentKey, String subject, String action, String actor, String reason) {
        em.createNativeQuery("""
                INSERT INTO audit_entry (case_id, comment_key, subject, action, actor, reason, at)
                VALUES (:caseId, :commentKey, :subject, :action, :actor, :reason, :at)""")
                .setParameter("caseId", caseId)
                .setParameter("commentKey", commentKey)
                .setParameter("subject", subject)
                .setParameter("action", action)
                .setParameter("actor", actor)
                .setParameter("reason", reason)
                .setParameter("at", Instant.now())
                .executeUpdate();
    }

    /** The trail of a case and of the comments filed in it, oldest first. */
    @Transactional
    public List<AuditEntry> forCase(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, case_id, comment_key, subject, action, actor, reason, at FROM audit_entry
                WHERE case_id = :caseId
                   OR comment_key IN (SELECT comment_key FROM case_document WHERE case_id = :caseId)
                ORDER BY id""").setParameter("caseId", caseId).getResultList();
        return rows.stream().map(AuditTrail::entry).toList();
    }

    private static AuditEntry entry(Object[] row) {
        Object at = row[7];
        Instant instant = at instanceof Timestamp ts ? ts.toInstant() : (Instant) at;
        return new AuditEntry(((Number) row[0]).longValue(), (UUID) row[1], (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], instant);
    }

    public record AuditEntry(long id, UUID caseId, String commentKey, String subject, String action, String actor,
            String reason, Instant at) {
    }
}
