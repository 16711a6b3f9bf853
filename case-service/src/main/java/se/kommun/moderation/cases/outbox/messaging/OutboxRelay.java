package se.kommun.moderation.cases.outbox.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import se.kommun.moderation.cases.config.CaseConfig;
import se.kommun.moderation.cases.outbox.domain.Outbox.OutboxWritten;
import se.kommun.moderation.events.Topics;

/**
 * Sends the outbox in order and marks rows sent only after the broker acknowledged them (acks=all).
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances share the work without
 * sending a row twice while all are healthy.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    @Channel(Topics.PLATFORM_COMMANDS)
    MutinyEmitter<String> platformCommands;

    @Inject
    @Channel(Topics.MODERATION_DECISIONS)
    MutinyEmitter<String> moderationDecisions;

    @Inject
    EntityManager em;

    @Inject
    CaseConfig config;

    private final ReentrantLock running = new ReentrantLock();

    @Scheduled(every = "${case.outbox.interval:1s}", delayed = "${case.outbox.initial-delay:3s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        drain();
    }

    void onCommit(@ObservesAsync OutboxWritten written) {
        drain();
    }

    /** Sends until the outbox is empty (or another thread is already doing it). */
    public void drain() {
        if (!config.outbox().relayEnabled() || !running.tryLock()) {
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
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT id, topic, message_key, payload FROM outbox WHERE published_at IS NULL
                    ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                    .setParameter("limit", config.outbox().batchSize()).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Uni<Void>> acks = new ArrayList<>(rows.size());
            List<Long> ids = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                ids.add(((Number) row[0]).longValue());
                acks.add(emitterFor((String) row[1]).sendMessage(Message.of((String) row[3])
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey((String) row[2]).build())));
            }
            // Sent in id order on one producer: per key (partition) the order is kept.
            Uni.join().all(acks).andFailFast().await().atMost(Duration.ofSeconds(30));
            em.createNativeQuery("UPDATE outbox SET published_at = :now WHERE id IN (:ids)")
                    .setParameter("now", Instant.now()).setParameter("ids", ids).executeUpdate();
            return rows.size();
        });
    }

    private MutinyEmitter<String> emitterFor(String topic) {
        Map<String, MutinyEmitter<String>> emitters = Map.of(
                Topics.PLATFORM_COMMANDS, platformCommands,
                Topics.MODERATION_DECISIONS, moderationDecisions);
        MutinyEmitter<String> emitter = emitters.get(topic);
        if (emitter == null) {
            throw new IllegalStateException("no channel for outbox topic " + topic);
        }
        return emitter;
    }
}
