package se.kommun.moderation.archive.records.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.kommun.moderation.archive.records.domain.IntakeBatch;
import se.kommun.moderation.archive.records.domain.RecordKeeper;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.messaging.failure.ConsumerFailurePolicy;
import se.kommun.moderation.messaging.failure.Rejection;

/**
 * comments.received → the records store, a poll at a time ({@code batch=true}): one transaction
 * per poll. The shared consumer-failure policy acknowledges the batch (its offsets may then be
 * committed) only after the transaction committed and every record that can never be stored is on
 * comments.received.dlq with its reason, so a poison record neither blocks the partition nor takes
 * the rest of its batch with it; while the database is away the batch is tried again in place.
 */
@ApplicationScoped
public class ReceivedCommentConsumer {

    @Inject
    RecordKeeper keeper;

    @Inject
    ConsumerFailurePolicy failures;

    @Incoming(Topics.COMMENTS_RECEIVED)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        failures.processBatch(records, this::keep);
    }

    private List<Rejection> keep(List<ConsumerRecord<String, String>> records) {
        List<IntakeBatch.Polled> polled = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> r : records) {
            polled.add(new IntakeBatch.Polled(r.key(), r.value() == null ? "" : r.value(), r.topic(), r.partition(), r.offset()));
        }
        RecordKeeper.Outcome outcome = keeper.keep(IntakeBatch.of(polled));
        return outcome.rejected().stream()
                .map(rejected -> new Rejection(rejected.source().partition(), rejected.source().offset(), rejected.reason()))
                .toList();
    }
}
