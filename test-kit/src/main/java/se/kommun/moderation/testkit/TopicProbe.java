package se.kommun.moderation.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and writes topics of the broker under test directly, as an ops user would, so tests can
 * assert what a service really published (and that nothing was published).
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaBroker broker;
    private KafkaProducer<String, String> producer;

    public TopicProbe(KafkaBroker broker) {
        this.broker = broker;
    }

    /** Everything on the topic right now (its contract name; the run's prefix is added here). */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        String name = broker.topic(topic);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(name, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(name, info.partition()))
                    .collect(Collectors.toList());
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        } catch (org.apache.kafka.common.errors.TimeoutException noSuchTopicYet) {
            return List.of();
        }
    }

    /** The topic's retention.ms as the broker has it (waits up to 20 s for the topic to exist). */
    public long retentionMs(String topic) {
        String name = broker.topic(topic);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(name)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + name + " does not exist");
                }
                // Topics appear within a metadata round trip; ask again rather than sleep.
                admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
            Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
            return Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not describe " + name, e);
        }
    }

    /** Publishes a raw record (acks=all) and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String value) {
        sendAll(topic, key, List.of(value));
    }

    /**
     * Publishes records under one key in one go (so a consumer is likely to get them in one poll) and
     * waits for every acknowledgement.
     */
    public void sendAll(String topic, String key, List<String> values) {
        KafkaProducer<String, String> kafka = producer();
        try {
            List<Future<?>> acks = new ArrayList<>(values.size());
            for (String value : values) {
                acks.add(kafka.send(new ProducerRecord<>(broker.topic(topic), key, value)));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e.getCause());
        }
    }

    /** Publishes keyed records (key, value) in one go and waits for every acknowledgement. */
    public void sendKeyed(String topic, List<Map.Entry<String, String>> records) {
        KafkaProducer<String, String> kafka = producer();
        try {
            List<Future<?>> acks = new ArrayList<>(records.size());
            for (Map.Entry<String, String> record : records) {
                acks.add(kafka.send(new ProducerRecord<>(broker.topic(topic), record.getKey(), record.getValue())));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e.getCause());
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        }
        return producer;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
