package se.kommun.moderation.archive.evidence.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import se.kommun.moderation.archive.evidence.config.EvidenceConfig;
import se.kommun.moderation.archive.evidence.domain.OutboxRelay;
import se.kommun.moderation.archive.evidence.persistence.EvidenceOutboxStore;
import se.kommun.moderation.events.Topics;

/**
 * Sends evidence.captured from the outbox (key = commentKey), marking each event published only
 * once the broker acknowledged it (acks=all). Called right after a bundle's commit, and by the
 * sweep for whatever is still unpublished (the broker was down, the service restarted).
 */
@ApplicationScoped
public class EvidenceCapturedPublisher {

    @Inject
    @Channel(Topics.EVIDENCE_CAPTURED)
    MutinyEmitter<String> emitter;

    @Inject
    EvidenceOutboxStore store;

    @Inject
    EvidenceConfig config;

    private OutboxRelay relay;

    @PostConstruct
    void init() {
        relay = new OutboxRelay(store, this::send);
    }

    private void send(String key, String payload) {
        emitter.sendMessage(Message.of(payload)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build()))
                .await().atMost(config.publishTimeout());
    }

    /** Publishes one stored event now (no-op when it is published already). */
    public void publish(UUID eventId) {
        relay.relay(store.one(eventId), Instant.now());
    }

    /** Publishes what is due; returns how many the broker acknowledged. */
    public int publishDue() {
        return relay.relay(Instant.now(), 100);
    }
}
