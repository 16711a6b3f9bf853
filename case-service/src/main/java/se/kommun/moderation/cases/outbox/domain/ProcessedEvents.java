package se.kommun.moderation.cases.outbox.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.UUID;

/** Consumed events already handled: the first caller in a transaction claims an event id, later ones see false. */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    @Transactional(TxType.MANDATORY)
    public boolean claim(UUID eventId, String type) {
        return em.createNativeQuery("""
                INSERT INTO processed_event (event_id, type, processed_at) VALUES (:id, :type, :now)
                ON CONFLICT (event_id) DO NOTHING""")
                .setParameter("id", eventId).setParameter("type", type).setParameter("now", Instant.now())
                .executeUpdate() == 1;
    }
}
