package se.kommun.moderation.testkit;

import java.util.Map;
import java.util.UUID;

/**
 * Which broker a test run uses: the one named by {@code KAFKA_BOOTSTRAP_SERVERS} (a developer's
 * running broker; topics and groups then get a unique prefix per run so runs do not see each
 * other's data), or else the JVM's in-process broker.
 */
public record KafkaBroker(String bootstrapServers, String topicPrefix) {

    public static final String ENV = "KAFKA_BOOTSTRAP_SERVERS";

    public static KafkaBroker forThisRun() {
        String external = System.getenv(ENV);
        if (external != null && !external.isBlank()) {
            return new KafkaBroker(external, "test-" + UUID.randomUUID().toString().substring(0, 8) + "-");
        }
        return new KafkaBroker(EmbeddedKafka.shared().bootstrapServers(), "");
    }

    /**
     * The same broker with topics and consumer groups of their own (a fresh prefix), so a test can
     * say that a dead-letter topic is empty and mean it.
     */
    public KafkaBroker isolated() {
        return new KafkaBroker(bootstrapServers, topicPrefix + "iso-" + UUID.randomUUID().toString().substring(0, 8) + "-");
    }

    /** The properties every service reads: the broker and the prefix of its topics and group ids. */
    public Map<String, String> serviceConfig() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers, "topic.prefix", topicPrefix);
    }

    public String topic(String name) {
        return topicPrefix + name;
    }
}
