package se.kommun.moderation.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends a group of records (one webhook request's, one consumed batch's) through an outgoing
 * channel's Kafka producer and completes when the broker has acknowledged all of them. The channel is declared (and its producer built from its
 * configuration: acks=all, idempotence, timeouts) by an emitter as usual; records go to the producer
 * directly because a group of 50 records then costs one hop to the producer's sending thread and
 * one completion, instead of a reactive message, an acknowledgement chain and a context switch per
 * record (about 45 % of the ingest edge's CPU at batches of 50 before this).
 *
 * <p>The sends run on the connector's sending thread, never on the event loop: the first send may
 * wait for metadata for up to {@code max.block.ms}. The completion returns to the caller's Vert.x
 * context when there is one, so an HTTP answer is written on its event loop and not on Kafka's
 * network thread.
 */
public final class ChannelSender<V> {

    private final KafkaClientService clients;
    private final String channel;
    private final String topic;
    private volatile KafkaProducer<String, V> producer;

    public ChannelSender(KafkaClientService clients, String channel) {
        this.clients = clients;
        this.channel = channel;
        // The channel's own topic setting (with its prefix), as the connector would use it.
        this.topic = ConfigProvider.getConfig()
                .getOptionalValue("mp.messaging.outgoing.\"" + channel + "\".topic", String.class)
                .orElse(channel);
    }

    public String topic() {
        return topic;
    }

    public ProducerRecord<String, V> record(String key, V value) {
        return new ProducerRecord<>(topic, key, value);
    }

    /** Completes when every record is acknowledged; fails with the first failure. */
    public Uni<Void> sendAll(List<ProducerRecord<String, V>> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> {
            Acknowledgements acks = new Acknowledgements(records.size(), emitter, Vertx.currentContext());
            producer().runOnSendingThread((Consumer<Producer<String, V>>) kafka -> {
                for (ProducerRecord<String, V> record : records) {
                    kafka.send(record, acks);
                }
            }).subscribe().with(sent -> { }, acks::fail);
        });
    }

    private KafkaProducer<String, V> producer() {
        KafkaProducer<String, V> current = producer;
        if (current == null) {
            current = clients.getProducer(channel);
            if (current == null) {
                throw new IllegalStateException("no Kafka producer for channel " + channel);
            }
            producer = current;
        }
        return current;
    }

    /** Counts a request's acknowledgements down; settles its Uni exactly once. */
    private static final class Acknowledgements implements Callback {

        private final AtomicInteger pending;
        private final AtomicBoolean settled = new AtomicBoolean();
        private final UniEmitter<? super Void> emitter;
        private final Context context;

        Acknowledgements(int count, UniEmitter<? super Void> emitter, Context context) {
            this.pending = new AtomicInteger(count);
            this.emitter = emitter;
            this.context = context;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception failure) {
            if (failure != null) {
                fail(failure);
            } else if (pending.decrementAndGet() == 0 && settled.compareAndSet(false, true)) {
                onCallerContext(() -> emitter.complete(null));
            }
        }

        void fail(Throwable failure) {
            if (settled.compareAndSet(false, true)) {
                onCallerContext(() -> emitter.fail(failure));
            }
        }

        private void onCallerContext(Runnable action) {
            if (context == null) {
                action.run();
            } else {
                context.runOnContext(ignored -> action.run());
            }
        }
    }
}
