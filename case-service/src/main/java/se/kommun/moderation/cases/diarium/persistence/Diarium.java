package se.kommun.moderation.cases.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** The database side of registration: comment-level locks and the gapless sequence. */
@ApplicationScoped
public class Diarium {

    @Inject
    EntityManager em;

    /**
     * Serialises registrations of one comment across instances until the transaction ends, so that
     * a comment redelivered during a rebalance cannot be registered twice.
     */
    @Transactional(TxType.MANDATORY)
    public void lockComment(String commentKey) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", commentKey).getSingleResult();
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
        return CaseEntity.count("commentKey", commentKey) > 0;
    }
}
