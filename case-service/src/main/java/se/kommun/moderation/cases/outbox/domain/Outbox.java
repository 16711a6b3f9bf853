package se.kommun.moderation.cases.outbox.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;

/**
 * The transactional outbox: every event this service emits is written in the same transaction as
 * the change it announces, and sent by the relay after the commit. A crash between the two delays
 * the event; it never loses it (a resend is recognised downstream by its event id).
 */
@ApplicationScoped
public class Outbox {

    private final EventCodec codec = EventCodec.instance();

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<OutboxWritten> written;

    /** Adds the event to the outbox of the current transaction; a second add of the same event id is a no-op. */
    @Transactional(TxType.MANDATORY)
    public void add(String topic, EventEnvelope<?> event) {
        em.createNativeQuery("""
                INSERT INTO outbox (event_id, topic, message_key, payload, created_at)
                VALUES (:eventId, :topic, :key, :payload, :now) ON CONFLICT (event_id) DO NOTHING""")
                .setParameter("eventId", event.eventId())
                .setParameter("topic", topic)
                .setParameter("key", event.commentKey())
                .setParameter("payload", codec.encode(event))
                .setParameter("now", Instant.now())
                .executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    written.fireAsync(new OutboxWritten());
                }
            }
        });
    }

    /** Fired (asynchronously) after a transaction that wrote to the outbox committed: wakes the relay. */
    public record OutboxWritten() {
    }
}
