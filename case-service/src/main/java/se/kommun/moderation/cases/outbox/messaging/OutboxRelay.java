package se.kommun.moderation.cases.outbox.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import se.kommun.moderation.cases.config.CaseConfig;
import se.kommun.moderation.cases.outbox.domain.Outbox.OutboxWritten;

/**
 * Sends the outbox in order and marks rows sent only after the broker acknowledged them (acks=all).
 * One instance relays at a time (a transaction-scoped advisory lock), so events for one comment
 * leave in the order they were committed even when several instances run.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock key of the relay ("outbox" in ASCII). */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    /** A client proxy: the emitters are created on first use, after messaging has started. */
    @Inject
    OutboxChannels channels;

    @Inject
    EntityManager em;

    @Inject
    CaseConfig config;

    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean ready;

    @Scheduled(every = "${case.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        drain();
    }

    void onCommit(@ObservesAsync OutboxWritten written) {
        drain();
    }

    /** Messaging connects its channels on start-up; until then there is nothing to send with. */
    void onStart(@Observes StartupEvent started) {
        ready = true;
    }

    /** On the way down the database and the channels close: what is unsent waits for the next start. */
    void onStop(@Observes ShutdownEvent stopping) {
        ready = false;
    }

    /** Sends until the outbox is empty (or another thread is already doing it). */
    public void drain() {
        if (!ready || !config.outbox().relayEnabled() || !running.tryLock()) {
            return;
        }
        try {
            while (sendBatch() == config.outbox().batchSize()) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            // The rows stay unsent and the next round retries them; the reason is operational, not content.
            LOG.warnf("outbox relay will retry: %s", e.toString());
        } finally {
            running.unlock();
        }
    }

    private int sendBatch() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                    .setParameter("lock", RELAY_LOCK).getSingleResult();
            if (!mine) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT id, topic, message_key, payload FROM outbox WHERE published_at IS NULL
                    ORDER BY id LIMIT :limit""")
                    .setParameter("limit", config.outbox().batchSize()).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Uni<Void>> acks = new ArrayList<>(rows.size());
            List<Long> ids = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                ids.add(((Number) row[0]).longValue());
                acks.add(channels.emitterFor((String) row[1]).sendMessage(Message.of((String) row[3])
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey((String) row[2]).build())));
            }
            // Sent in id order on one producer: per key (partition) the order is kept.
            Uni.join().all(acks).andFailFast().await().atMost(Duration.ofSeconds(30));
            em.createNativeQuery("UPDATE outbox SET published_at = :now WHERE id IN (:ids)")
                    .setParameter("now", Instant.now()).setParameter("ids", ids).executeUpdate();
            return rows.size();
        });
    }
}
