package se.kommun.moderation.ingest.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import se.kommun.moderation.events.CommentQuarantined;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Topics;

/**
 * Publishes the edge's events. Each returned {@link Uni} completes only when the broker has
 * acknowledged the record (acks=all), which is what lets a webhook answer 2xx safely.
 */
@ApplicationScoped
public class EventPublisher {

    private final EventCodec codec = EventCodec.instance();

    @Inject
    @Channel(Topics.COMMENTS_RECEIVED)
    MutinyEmitter<String> received;

    @Inject
    @Channel(Topics.COMMENTS_QUARANTINED)
    MutinyEmitter<String> quarantined;

    public Uni<Void> publishReceived(EventEnvelope<CommentReceived> event) {
        return received.sendMessage(keyed(event.commentKey(), codec.encode(event)));
    }

    public Uni<Void> publishQuarantined(EventEnvelope<CommentQuarantined> event) {
        return quarantined.sendMessage(keyed(event.payload().requestId(), codec.encode(event)));
    }

    private static Message<String> keyed(String key, String json) {
        return Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }
}
