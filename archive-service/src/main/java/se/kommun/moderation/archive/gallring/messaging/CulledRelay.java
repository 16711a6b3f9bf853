package se.kommun.moderation.archive.gallring.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import se.kommun.moderation.archive.gallring.domain.GallringService;
import se.kommun.moderation.archive.gallring.persistence.GallringRepository;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.RecordCulled;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Topics;

/**
 * Publishes records.culled from the protocol rows (the protocol is its own outbox): each row is
 * stamped published only after the broker acknowledged its event, so a crash between the culling
 * commit and the send delays the event, it does not lose it; a resend carries the same event id.
 */
@ApplicationScoped
public class CulledRelay {

    private static final Logger LOG = Logger.getLogger(CulledRelay.class);

    private final EventCodec codec = EventCodec.instance();
    private final ReentrantLock running = new ReentrantLock();

    @Inject
    GallringRepository repository;

    @Inject
    @Channel(Topics.RECORDS_CULLED)
    MutinyEmitter<String> culled;

    void afterRun(@ObservesAsync GallringService.GallringRan ran) {
        relay();
    }

    @Scheduled(every = "${archive.gallring.relay-interval:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        if (!running.tryLock()) {
            return;
        }
        try {
            List<GallringRepository.ProtocolRow> pending;
            do {
                pending = QuarkusTransaction.requiringNew().call(() -> {
                    try (Connection c = repository.connection()) {
                        return repository.unpublished(c, 100);
                    }
                });
                for (GallringRepository.ProtocolRow row : pending) {
                    EventEnvelope<RecordCulled> event = EventEnvelope.wrap(row.eventId(), row.culledAt(), row.commentKey(),
                            "archive-service", new RecordCulled(Route.valueOf(row.route()), row.subtype(),
                                    row.decisionReference(), row.receivedAt(), row.culledAt(), row.culledSha256(),
                                    row.versionsCulled(), row.executedBy()));
                    culled.sendMessage(Message.of(codec.encode(event)).addMetadata(
                                    OutgoingKafkaRecordMetadata.<String>builder().withKey(row.commentKey()).build()))
                            .await().atMost(Duration.ofSeconds(30));
                    QuarkusTransaction.requiringNew().run(() -> {
                        try (Connection c = repository.connection()) {
                            repository.markPublished(c, row.protocolId(), Instant.now());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            } while (pending.size() == 100);
        } catch (RuntimeException e) {
            LOG.warnf("records.culled relay stopped for now (%s); it resumes on its next tick", e.getClass().getSimpleName());
        } finally {
            running.unlock();
        }
    }
}
