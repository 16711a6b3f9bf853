package se.kommun.moderation.cases.diarium.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;
import java.util.UUID;

/** The database side of registration: locks and the gapless sequence. */
@ApplicationScoped
public class Diarium {

    @Inject
    EntityManager em;

    /**
     * Serialises all work on one comment across instances until the transaction ends, so that a
     * comment redelivered during a rebalance cannot be registered twice.
     */
    @Transactional(TxType.MANDATORY)
    public void lockComment(String commentKey) {
        lock("comment:" + commentKey);
    }

    /** Serialises filing under one referenced diary number. */
    @Transactional(TxType.MANDATORY)
    public void lockDiaryKey(String diaryKey) {
        lock("diary:" + diaryKey);
    }

    private void lock(String name) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", name).getSingleResult();
    }

    /**
     * The next number of a registry's year. The upsert holds the row lock until the transaction
     * ends: concurrent registrations queue behind it, and a rollback gives the number back, which is
     * what keeps the series free of gaps and duplicates.
     */
    @Transactional(TxType.MANDATORY)
    public int nextSequence(String registry, int year) {
        Object value = em.createNativeQuery("""
                INSERT INTO diary_sequence (registry, year, last_value) VALUES (:registry, :year, 1)
                ON CONFLICT (registry, year) DO UPDATE SET last_value = diary_sequence.last_value + 1
                RETURNING last_value""")
                .setParameter("registry", registry).setParameter("year", year).getSingleResult();
        return ((Number) value).intValue();
    }

    public boolean isRegistered(String commentKey) {
        return CaseDocumentEntity.count("commentKey", commentKey) > 0;
    }

    /** The case a comment is filed in, if any. */
    public Optional<UUID> caseOf(String commentKey) {
        return CaseDocumentEntity.<CaseDocumentEntity>findByIdOptional(commentKey).map(d -> d.caseId);
    }
}
