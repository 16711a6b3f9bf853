package se.kommun.moderation.classification.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.kommun.moderation.classification.config.ClassificationConfig;
import se.kommun.moderation.classification.config.RouteModelProducer;
import se.kommun.moderation.classification.domain.CommentClassifier;
import se.kommun.moderation.classification.domain.ReceivedCommentHandler;
import se.kommun.moderation.classification.domain.ReceivedCommentHandler.Classified;
import se.kommun.moderation.classification.domain.ReceivedCommentHandler.Outcome;
import se.kommun.moderation.classification.domain.ReceivedCommentHandler.Rejected;
import se.kommun.moderation.classification.domain.rules.RuleSetRegistry;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.messaging.ChannelSender;

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
 * <p>Classification is CPU work of tens of microseconds per comment, so the batch is classified off the
 * consumer's event loop, in consecutive slices on {@code classification.workers} threads at once
 * (one per processor by default), and its outputs are published in input order; no thread waits for
 * the broker's acknowledgements.
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

    // The emitters declare the two outgoing channels, so the connector builds their producers from the
    // channel configuration; a batch's records go to those producers through ChannelSender, one hop
    // and one completion per batch instead of a reactive message per record. The bound is the batch:
    // its outputs (at most max.poll.records) are in flight before the next batch of this consumer
    // starts, and the producer's buffer.memory holds the line behind it.
    @Inject
    @Channel(Topics.COMMENTS_CLASSIFIED)
    MutinyEmitter<String> classifiedChannel;

    @Inject
    @Channel(DEAD_LETTER_CHANNEL)
    MutinyEmitter<String> deadLetterChannel;

    /** Below this many records a batch is not worth cutting: a slice's hand-over costs more. */
    private static final int MIN_SLICE = 32;

    private final int workerCount;
    private final ExecutorService workers;
    private final ChannelSender<String> classified;
    private final ChannelSender<String> deadLetters;

    @Inject
    ReceivedCommentConsumer(ClassificationConfig config, RuleSetRegistry rules, RouteModelProducer.InForce model,
            MeterRegistry meters, KafkaClientService kafka) {
        this.classified = new ChannelSender<>(kafka, Topics.COMMENTS_CLASSIFIED);
        this.workerCount = config.workerCount();
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerCount, task -> {
            Thread thread = new Thread(task, "classifier-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.deadLetters = new ChannelSender<>(kafka, DEAD_LETTER_CHANNEL);
        this.handler = new ReceivedCommentHandler(new CommentClassifier(config.reviewThreshold(), rules, model.model()));
        this.classifiedCount = Counter.builder("classification_comments_classified_total")
                .description("comments classified and published to comments.classified").register(meters);
        this.deadLettered = Counter.builder("classification_comments_dead_lettered_total")
                .description("records of comments.received sent to its dead-letter topic").register(meters);
    }

    @Incoming(Topics.COMMENTS_RECEIVED)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        // Classified on the worker threads; nothing waits on a thread for the acknowledgements: the
        // Uni completes from the producer's callbacks. A Uni-returning method gets the next batch only
        // after this one completes, which keeps every comment's events in order.
        return Uni.createFrom().completionStage(() -> classifyInSlices(records))
                .onItem().transformToUni(this::publish);
    }

    /** Every output of one batch, in input order: classifications to comments.classified, poison to the dead-letter topic. */
    record Outputs(List<ProducerRecord<String, String>> classified, List<ProducerRecord<String, String>> deadLetters) {
    }

    /**
     * The batch cut into consecutive slices, one per worker, classified at the same time and joined
     * back in input order, so a comment's versions still leave in the order they came.
     */
    CompletableFuture<Outputs> classifyInSlices(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        Instant now = Instant.now();
        int slices = Math.max(1, Math.min(workerCount, all.size() / MIN_SLICE));
        List<CompletableFuture<Outputs>> parts = new ArrayList<>(slices);
        for (int i = 0; i < slices; i++) {
            List<ConsumerRecord<String, String>> slice = all.subList(i * all.size() / slices,
                    (i + 1) * all.size() / slices);
            parts.add(CompletableFuture.supplyAsync(() -> classify(slice, now), workers));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<ProducerRecord<String, String>> out = new ArrayList<>(all.size());
            List<ProducerRecord<String, String>> dead = new ArrayList<>(0);
            for (CompletableFuture<Outputs> part : parts) {
                out.addAll(part.join().classified());
                dead.addAll(part.join().deadLetters());
            }
            return new Outputs(out, dead);
        });
    }

    Outputs classify(List<ConsumerRecord<String, String>> records, Instant now) {
        List<ProducerRecord<String, String>> out = new ArrayList<>(records.size());
        List<ProducerRecord<String, String>> dead = new ArrayList<>(0);
        for (ConsumerRecord<String, String> record : records) {
            Outcome outcome = handler.handle(record.value(), now);
            if (outcome instanceof Classified result) {
                out.add(classified.record(result.commentKey(), result.json()));
            } else if (outcome instanceof Rejected poison) {
                dead.add(deadLetter(deadLetters.topic(), record, poison));
            }
        }
        return new Outputs(out, dead);
    }

    @PreDestroy
    void stopWorkers() {
        workers.shutdown();
    }

    private Uni<Void> publish(Outputs outputs) {
        Uni<Void> sent = outputs.deadLetters().isEmpty() ? classified.sendAll(outputs.classified())
                : Uni.combine().all().unis(classified.sendAll(outputs.classified()),
                        deadLetters.sendAll(outputs.deadLetters())).discardItems();
        return sent.invoke(() -> {
            classifiedCount.increment(outputs.classified().size());
            deadLettered.increment(outputs.deadLetters().size());
        });
    }

    /** The record as it came (key and value), with why it was rejected and where it came from. */
    static ProducerRecord<String, String> deadLetter(String topic, ConsumerRecord<String, String> record,
            Rejected poison) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON, bytes(poison.reason()));
        if (poison.cause().getCause() != null) {
            headers.add(CAUSE, bytes(poison.cause().getCause().getClass().getName()));
        }
        headers.add(EXCEPTION_CLASS, bytes(poison.cause().getClass().getName()));
        headers.add(SOURCE_TOPIC, bytes(record.topic()));
        headers.add(SOURCE_PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(SOURCE_OFFSET, bytes(Long.toString(record.offset())));
        return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
