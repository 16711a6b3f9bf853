package se.kommun.moderation.ingest.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import se.kommun.moderation.events.CommentQuarantined;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.messaging.ChannelSender;

/**
 * Publishes the edge's events. Each returned {@link Uni} completes only when the broker has
 * acknowledged every record (acks=all), which is what lets a webhook answer 2xx safely.
 */
@ApplicationScoped
public class EventPublisher {

    private final EventCodec codec = EventCodec.instance();

    // The emitters declare the two outgoing channels, so the connector builds their producers from
    // the channel configuration; the records themselves go through ChannelSender (see there why).
    // Values are the codec's UTF-8 bytes (ByteArraySerializer on both channels): writing JSON
    // straight to bytes costs less than a String that the serializer then encodes again.
    @Inject
    @Channel(Topics.COMMENTS_RECEIVED)
    MutinyEmitter<byte[]> receivedChannel;

    @Inject
    @Channel(Topics.COMMENTS_QUARANTINED)
    MutinyEmitter<byte[]> quarantinedChannel;

    @Inject
    KafkaClientService kafka;

    private ChannelSender<byte[]> received;
    private ChannelSender<byte[]> quarantined;

    @PostConstruct
    void senders() {
        received = new ChannelSender<>(kafka, Topics.COMMENTS_RECEIVED);
        quarantined = new ChannelSender<>(kafka, Topics.COMMENTS_QUARANTINED);
    }

    public Uni<Void> publishReceived(EventEnvelope<CommentReceived> event) {
        return publishAll(List.of(event), List.of());
    }

    public Uni<Void> publishQuarantined(EventEnvelope<CommentQuarantined> event) {
        return publishAll(List.of(), List.of(event));
    }

    /** All of them; completes when the last is acknowledged, fails if any fails. */
    public Uni<Void> publishAll(List<EventEnvelope<CommentReceived>> comments,
            List<EventEnvelope<CommentQuarantined>> quarantine) {
        // Encoded as a group: the comments of one delivery share values the codec then writes once.
        List<byte[]> commentValues = codec.encodeAllToBytes(comments);
        List<ProducerRecord<String, byte[]>> commentRecords = new ArrayList<>(comments.size());
        for (int i = 0; i < comments.size(); i++) {
            commentRecords.add(received.record(comments.get(i).commentKey(), commentValues.get(i)));
        }
        List<ProducerRecord<String, byte[]>> quarantineRecords = new ArrayList<>(quarantine.size());
        for (EventEnvelope<CommentQuarantined> event : quarantine) {
            quarantineRecords.add(quarantined.record(event.payload().requestId(), codec.encodeToBytes(event)));
        }
        if (quarantineRecords.isEmpty()) {
            return received.sendAll(commentRecords);
        }
        if (commentRecords.isEmpty()) {
            return quarantined.sendAll(quarantineRecords);
        }
        return Uni.combine().all().unis(received.sendAll(commentRecords), quarantined.sendAll(quarantineRecords))
                .discardItems();
    }
}
