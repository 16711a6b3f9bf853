package se.kommun.moderation.classification.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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
import se.kommun.moderation.messaging.failure.ConsumerFailurePolicy;
import se.kommun.moderation.messaging.failure.Rejection;

/**
 * comments.received → comments.classified, one poll's batch at a time ({@code batch=true}).
 *
 * <p>Every record of the batch is classified; a record that cannot be read or classified is set
 * apart and the shared consumer-failure policy publishes it as it came to comments.received.dlq
 * with the reason (the {@code dlq-*} headers), and the rest of the batch goes on. The batch is
 * acknowledged (its offsets become committable) only when the broker has acknowledged every
 * classification of the batch and every dead letter. If the broker does not answer, the policy
 * sends the batch's classifications again with backoff while the partition waits (a
 * classification's event id is derived from its input, so a resent one is recognised downstream);
 * nothing is dead-lettered for it.
 *
 * <p>Classification is CPU work of tens of microseconds per comment, so the batch is classified in
 * consecutive slices on {@code classification.workers} threads at once (one per processor by
 * default), and its outputs are published in input order. Batches of one consumer are handled one
 * after the other, which keeps every comment's events in order.
 */
@ApplicationScoped
public class ReceivedCommentConsumer {

    /** How long one batch's classifications may wait for the broker before they count as a (transient) failure. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(60);

    private final ReceivedCommentHandler handler;
    private final Counter classifiedCount;
    private final Counter deadLettered;

    // The emitter declares the outgoing channel, so the connector builds its producer from the channel
    // configuration; a batch's records go to that producer through ChannelSender, one hop and one
    // completion per batch instead of a reactive message per record. The bound is the batch: its
    // outputs (at most max.poll.records) are in flight before the next batch of this consumer starts,
    // and the producer's buffer.memory holds the line behind it.
    @Inject
    @Channel(Topics.COMMENTS_CLASSIFIED)
    MutinyEmitter<String> classifiedChannel;

    @Inject
    ConsumerFailurePolicy failures;

    /** Below this many records a batch is not worth cutting: a slice's hand-over costs more. */
    private static final int MIN_SLICE = 32;

    private final int workerCount;
    private final ExecutorService workers;
    private final ChannelSender<String> classified;

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
        this.handler = new ReceivedCommentHandler(new CommentClassifier(config.reviewThreshold(), rules, model.model()));
        this.classifiedCount = Counter.builder("classification_comments_classified_total")
                .description("comments classified and published to comments.classified").register(meters);
        this.deadLettered = Counter.builder("classification_comments_dead_lettered_total")
                .description("records of comments.received sent to its dead-letter topic").register(meters);
    }

    @Incoming(Topics.COMMENTS_RECEIVED)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        // Classified on the worker threads, published with one completion per batch; this thread
        // waits for it, so the next batch of this consumer starts only after this one is acknowledged,
        // which keeps every comment's events in order.
        failures.processBatch(records, this::classifyAndPublish);
    }

    private List<Rejection> classifyAndPublish(List<ConsumerRecord<String, String>> records) {
        Outputs outputs = classifyInSlices(records).join();
        classified.sendAll(outputs.classified()).await().atMost(PUBLISH_TIMEOUT);
        classifiedCount.increment(outputs.classified().size());
        deadLettered.increment(outputs.rejected().size());
        return outputs.rejected();
    }

    /** Every output of one batch, in input order: classifications to comments.classified, poison set apart. */
    record Outputs(List<ProducerRecord<String, String>> classified, List<Rejection> rejected) {
    }

    /**
     * The batch cut into consecutive slices, one per worker, classified at the same time and joined
     * back in input order, so a comment's versions still leave in the order they came.
     */
    CompletableFuture<Outputs> classifyInSlices(List<ConsumerRecord<String, String>> all) {
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
            List<Rejection> dead = new ArrayList<>(0);
            for (CompletableFuture<Outputs> part : parts) {
                out.addAll(part.join().classified());
                dead.addAll(part.join().rejected());
            }
            return new Outputs(out, dead);
        });
    }

    Outputs classify(List<ConsumerRecord<String, String>> records, Instant now) {
        List<ProducerRecord<String, String>> out = new ArrayList<>(records.size());
        List<Rejection> dead = new ArrayList<>(0);
        for (ConsumerRecord<String, String> record : records) {
            Outcome outcome = handler.handle(record.value(), now);
            if (outcome instanceof Classified result) {
                out.add(classified.record(result.commentKey(), result.json()));
            } else if (outcome instanceof Rejected poison) {
                dead.add(new Rejection(record.partition(), record.offset(), poison.reason()));
            }
        }
        return new Outputs(out, dead);
    }

    @PreDestroy
    void stopWorkers() {
        workers.shutdown();
    }
}
