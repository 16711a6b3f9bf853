package se.kommun.moderation.classification.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import se.kommun.moderation.classification.config.ClassificationConfig;
import se.kommun.moderation.classification.domain.CommentClassifier;
import se.kommun.moderation.classification.domain.ReceivedCommentHandler;
import se.kommun.moderation.classification.domain.ReceivedCommentHandler.Classified;
import se.kommun.moderation.classification.domain.ReceivedCommentHandler.Outcome;
import se.kommun.moderation.classification.domain.ReceivedCommentHandler.Rejected;
import se.kommun.moderation.classification.domain.rules.RuleSetRegistry;
import se.kommun.moderation.events.Topics;

/**
 * comments.received → comments.classified, one poll's batch at a time ({@code batch=true}).
 *
 * <p>Every record of the batch is classified; a record that cannot be read or classified is published
 * as it came to comments.received.dlq with the reason in {@code dead-letter-reason} (and the source
 * topic, partition and offset), and the rest of the batch goes on. The returned {@link Uni} completes
 * only when the broker has acknowledged every output of the batch, classifications and dead letters
 * alike; only then is the batch acknowledged and its offsets become committable. If any output fails,
 * the batch is nacked and the channel's failure strategy applies to its records.
 *
 * <p>Classification is CPU work of tens of microseconds per comment, so the batch is classified on a
 * worker thread, off the consumer's event loop; no thread waits for the broker's acknowledgements.
 * Batches of one consumer are handled one after the other, which keeps every comment's events in
 * order.
 */
@ApplicationScoped
public class ReceivedCommentConsumer {

    /** The outgoing channel (and, unprefixed, the topic) of comments.received's dead letters. */
    static final String DEAD_LETTER_CHANNEL = Topics.COMMENTS_RECEIVED + ".dlq";

    static final String REASON = "dead-letter-reason";
    static final String CAUSE = "dead-letter-cause";
    static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";
    static final String SOURCE_TOPIC = "dead-letter-topic";
    static final String SOURCE_PARTITION = "dead-letter-partition";
    static final String SOURCE_OFFSET = "dead-letter-offset";

    private final ReceivedCommentHandler handler;
    private final Counter classifiedCount;
    private final Counter deadLettered;

    // The bound is the batch: a batch's outputs (at most max.poll.records) are in flight before the
    // next batch of this consumer starts, and the producer's buffer.memory holds the line behind it.
    @Inject
    @Channel(Topics.COMMENTS_CLASSIFIED)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<String> classified;

    @Inject
    @Channel(DEAD_LETTER_CHANNEL)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<String> deadLetters;

    @Inject
    ReceivedCommentConsumer(ClassificationConfig config, RuleSetRegistry rules, MeterRegistry meters) {
        this.handler = new ReceivedCommentHandler(new CommentClassifier(config.reviewThreshold(), rules));
        this.classifiedCount = Counter.builder("classification_comments_classified_total")
                .description("comments classified and published to comments.classified").register(meters);
        this.deadLettered = Counter.builder("classification_comments_dead_lettered_total")
                .description("records of comments.received sent to its dead-letter topic").register(meters);
    }

    @Incoming(Topics.COMMENTS_RECEIVED)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        // Classified on a worker thread; nothing waits on a thread for the acknowledgements: the Uni
        // completes from the producer's callbacks. A Uni-returning method gets the next batch only
        // after this one completes, which keeps every comment's events in order.
        return Uni.createFrom().item(() -> classify(records))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToUni(this::publish);
    }

    /** Every output of one batch: classifications to comments.classified, poison to the dead-letter topic. */
    record Outputs(List<Message<String>> classified, List<Message<String>> deadLetters) {
    }

    Outputs classify(ConsumerRecords<String, String> records) {
        Instant now = Instant.now();
        List<Message<String>> out = new ArrayList<>(records.count());
        List<Message<String>> dead = new ArrayList<>(0);
        for (ConsumerRecord<String, String> record : records) {
            Outcome outcome = handler.handle(record.value(), now);
            if (outcome instanceof Classified result) {
                out.add(Message.of(result.json()).addMetadata(
                        OutgoingKafkaRecordMetadata.<String>builder().withKey(result.commentKey()).build()));
            } else if (outcome instanceof Rejected poison) {
                dead.add(deadLetter(record, poison));
            }
        }
        return new Outputs(out, dead);
    }

    private Uni<Void> publish(Outputs outputs) {
        List<Uni<Void>> sends = new ArrayList<>(outputs.classified().size() + outputs.deadLetters().size());
        outputs.classified().forEach(message -> sends.add(classified.sendMessage(message)));
        outputs.deadLetters().forEach(message -> sends.add(deadLetters.sendMessage(message)));
        if (sends.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(sends).andFailFast().replaceWithVoid()
                .invoke(() -> {
                    classifiedCount.increment(outputs.classified().size());
                    deadLettered.increment(outputs.deadLetters().size());
                });
    }

    /** The record as it came (key and value), with why it was rejected and where it came from. */
    static Message<String> deadLetter(ConsumerRecord<String, String> record, Rejected poison) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON, bytes(poison.reason()));
        if (poison.cause().getCause() != null) {
            headers.add(CAUSE, bytes(poison.cause().getCause().getClass().getName()));
        }
        headers.add(EXCEPTION_CLASS, bytes(poison.cause().getClass().getName()));
        headers.add(SOURCE_TOPIC, bytes(record.topic()));
        headers.add(SOURCE_PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(SOURCE_OFFSET, bytes(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(headers).build();
        return Message.of(record.value()).addMetadata(metadata);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
