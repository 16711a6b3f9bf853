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
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
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

    // Unbounded here because the bound is elsewhere: every send belongs to a webhook request that
    // waits for its ack (so HTTP concurrency limits what is queued), and the Kafka producer's own
    // buffer.memory and max.block.ms hold the line behind it. A bounded emitter buffer would instead
    // fail requests under load with a back-pressure error.
    @Inject
    @Channel(Topics.COMMENTS_RECEIVED)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<String> received;

    @Inject
    @Channel(Topics.COMMENTS_QUARANTINED)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<String> quarantined;

    public Uni<Void> publishReceived(EventEnvelope<CommentReceived> event) {
        return received.sendMessage(keyed(event.commentKey(), codec.encode(event)));
    }

    public Uni<Void> publishQuarantined(EventEnvelope<CommentQuarantined> event) {
        return quarantined.sendMessage(keyed(event.payload().requestId(), codec.encode(event)));
    }

    /**
     * At most this many sends in flight per request: the emitter's buffer is bounded, and a Meta
     * batch carries up to 1,000 changes. The producer batches them on the wire regardless.
     */
    static final int MAX_IN_FLIGHT = 64;

    /** All of them; completes when the last is acknowledged, fails if any fails. */
    public Uni<Void> publishAll(List<EventEnvelope<CommentReceived>> comments,
            List<EventEnvelope<CommentQuarantined>> quarantine) {
        List<Uni<Void>> sends = new ArrayList<>(comments.size() + quarantine.size());
        comments.forEach(event -> sends.add(publishReceived(event)));
        quarantine.forEach(event -> sends.add(publishQuarantined(event)));
        return sends.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.combine().all().unis(sends).usingConcurrencyOf(Math.min(MAX_IN_FLIGHT, sends.size())).discardItems();
    }

    private static Message<String> keyed(String key, String json) {
        return Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }
}
