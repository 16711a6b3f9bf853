package se.kommun.moderation.ingest.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import se.kommun.moderation.events.CommentQuarantined;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Topics;

/**
 * Publishes the edge's events. Each returned {@link Uni} completes only when the broker has
 * acknowledged every record (acks=all), which is what lets a webhook answer 2xx safely.
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

    /** All of them, sent at once; completes when the last is acknowledged, fails if any fails. */
    public Uni<Void> publishAll(List<EventEnvelope<CommentReceived>> comments,
            List<EventEnvelope<CommentQuarantined>> quarantine) {
        List<Uni<Void>> sends = new ArrayList<>(comments.size() + quarantine.size());
        comments.forEach(event -> sends.add(publishReceived(event)));
        quarantine.forEach(event -> sends.add(publishQuarantined(event)));
        return sends.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.combine().all().unis(sends).usingConcurrencyOf(sends.size()).discardItems();
    }

    private static Message<String> keyed(String key, String json) {
        return Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }
}
