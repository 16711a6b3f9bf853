package se.kommun.moderation.ingest.commands.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.ingest.accounts.persistence.OutboxEntity;
import se.kommun.moderation.ingest.commands.config.CommandsConfig;

/**
 * Publishes {@code platform.results} from the outbox, in order, marking each row only after the
 * broker acknowledged it: a crash between the two re-sends the same event (same event id), it never
 * loses one. Runs on its own thread, woken when a result is stored.
 */
@ApplicationScoped
public class ResultRelay {

    private static final Logger LOG = Logger.getLogger(ResultRelay.class);

    @Inject
    @Channel(Topics.PLATFORM_RESULTS)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<String> results;

    @Inject
    CommandsConfig config;

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    void onStart(@Observes StartupEvent start) {
        running = true;
        thread = new Thread(this::loop, "platform-results-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        running = false;
        wake.release();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                while (running && relayBatch() > 0) {
                    // More may be waiting.
                }
            } catch (RuntimeException failure) {
                LOG.warnf("platform.results relay: %s", failure.getMessage());
            }
            try {
                wake.tryAcquire(config.relayInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    int relayBatch() {
        List<OutboxEntity> pending = QuarkusTransaction.requiringNew().call(() -> OutboxEntity.<OutboxEntity>find(
                "topic = ?1 and publishedAt is null order by id", Topics.PLATFORM_RESULTS).page(0, 100).list());
        for (OutboxEntity row : pending) {
            results.sendMessage(Message.of(row.payload)
                            .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(row.messageKey).build()))
                    .await().atMost(Duration.ofSeconds(30));
            QuarkusTransaction.requiringNew().run(() ->
                    OutboxEntity.update("publishedAt = ?1 where id = ?2", Instant.now(), row.id));
        }
        return pending.size();
    }
}
