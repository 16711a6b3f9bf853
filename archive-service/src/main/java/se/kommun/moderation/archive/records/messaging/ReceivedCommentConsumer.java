package se.kommun.moderation.archive.records.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import se.kommun.moderation.archive.records.domain.IntakeBatch;
import se.kommun.moderation.archive.records.domain.RecordKeeper;
import se.kommun.moderation.events.Topics;

/**
 * comments.received → the records store, a poll at a time ({@code batch=true}). The batch is
 * acknowledged (its offsets committed) only after its transaction committed and every record that
 * can never be stored is on comments.received.dlq with its reason, so a poison record neither blocks
 * the partition nor takes the rest of its batch with it. If the database fails for another reason
 * the batch is nacked as a whole (the connector's dead-letter strategy) after the method throws.
 */
@ApplicationScoped
public class ReceivedCommentConsumer {

    private static final Logger LOG = Logger.getLogger(ReceivedCommentConsumer.class);
    static final String DEAD_LETTER_CHANNEL = Topics.COMMENTS_RECEIVED + ".dlq";

    @Inject
    RecordKeeper keeper;

    @Inject
    @Channel(DEAD_LETTER_CHANNEL)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<String> deadLetters;

    @Incoming(Topics.COMMENTS_RECEIVED)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<IntakeBatch.Polled> polled = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            polled.add(new IntakeBatch.Polled(r.key(), r.value() == null ? "" : r.value(), r.topic(), r.partition(), r.offset()));
        }
        RecordKeeper.Outcome outcome = keeper.keep(IntakeBatch.of(polled));
        if (!outcome.rejected().isEmpty()) {
            List<Uni<Void>> sends = new ArrayList<>(outcome.rejected().size());
            for (IntakeBatch.Rejected rejected : outcome.rejected()) {
                sends.add(deadLetters.sendMessage(deadLetter(rejected)));
            }
            // The batch's offsets are committed after this returns: the dead letters must be on the broker first.
            Uni.join().all(sends).andFailFast().await().atMost(Duration.ofSeconds(30));
            LOG.warnf("%d of %d records of a comments.received poll went to the dead-letter topic",
                    outcome.rejected().size(), polled.size());
        }
    }

    private static Message<String> deadLetter(IntakeBatch.Rejected rejected) {
        IntakeBatch.Polled source = rejected.source();
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", utf8(rejected.reason()));
        headers.add("dead-letter-topic", utf8(source.topic()));
        headers.add("dead-letter-partition", utf8(Integer.toString(source.partition())));
        headers.add("dead-letter-offset", utf8(Long.toString(source.offset())));
        headers.add("dead-letter-exception-class-name", utf8("se.kommun.moderation.events.MalformedEventException"));
        return Message.of(source.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(source.key()).withHeaders(headers).build());
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
