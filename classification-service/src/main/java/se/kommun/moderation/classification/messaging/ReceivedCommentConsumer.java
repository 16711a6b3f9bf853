package se.kommun.moderation.classification.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
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
 * <p>Classification is CPU work of tens of microseconds per comment, so the batch runs on a worker
 * thread ({@link Blocking}, ordered: batches of one consumer are handled one after the other, which
 * keeps every comment's events in order).
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
    @Blocking
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        Instant now = Instant.now();
        List<Uni<Void>> sends = new ArrayList<>(records.count());
        int published = 0;
        int rejected = 0;
        for (ConsumerRecord<String, String> record : records) {
            Outcome outcome = handler.handle(record.value(), now);
            if (outcome instanceof Classified out) {
                sends.add(classified.sendMessage(Message.of(out.json()).addMetadata(
                        OutgoingKafkaRecordMetadata.<String>builder().withKey(out.commentKey()).build())));
                published++;
            } else if (outcome instanceof Rejected poison) {
                sends.add(deadLetters.sendMessage(deadLetter(record, poison)));
                rejected++;
            }
        }
        if (sends.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int publishedInBatch = published;
        int rejectedInBatch = rejected;
        return Uni.join().all(sends).andFailFast().replaceWithVoid()
                .invoke(() -> {
                    classifiedCount.increment(publishedInBatch);
                    deadLettered.increment(rejectedInBatch);
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
