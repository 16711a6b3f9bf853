package se.kommun.moderation.ingest.accounts.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.ingest.accounts.persistence.OutboxEntity;

/**
 * Publishes the outbox in order and marks each row only after the broker acknowledged it: a crash
 * between the commit and the send delays the event, it does not lose it (a resend is recognised
 * downstream by its event id).
 */
@Startup // created with the application: lazily, the first tick could fall into shutdown and fail to connect its emitter
@ApplicationScoped
public class OutboxRelay {

    @Inject
    @Channel(Topics.ACCOUNTS_CHANGED)
    MutinyEmitter<String> accountsChanged;

    @Scheduled(every = "${ingest.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        List<OutboxEntity> pending = QuarkusTransaction.requiringNew().call(() ->
                OutboxEntity.<OutboxEntity>find("topic = ?1 and publishedAt is null order by id", Topics.ACCOUNTS_CHANGED).page(0, 100).list());
        for (OutboxEntity row : pending) {
            accountsChanged.sendMessage(Message.of(row.payload)
                            .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(row.messageKey).build()))
                    .await().atMost(Duration.ofSeconds(30));
            QuarkusTransaction.requiringNew().run(() ->
                    OutboxEntity.update("publishedAt = ?1 where id = ?2", Instant.now(), row.id));
        }
    }
}
