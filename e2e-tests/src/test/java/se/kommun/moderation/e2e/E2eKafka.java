package se.kommun.moderation.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.testkit.KafkaBroker;

/** What every end-to-end test needs around the services: the contract's topics and free ports. */
final class E2eKafka {

    private static final Duration DLQ_RETENTION = Duration.ofDays(30);

    private E2eKafka() {
    }

    /**
     * The contract's topics and their DLQs, with its partition count, so ordering per key is exercised as
     * in production; the DLQs with the 30-day retention the deploy scripts give them.
     */
    static void createTopics(KafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : Topics.ALL) {
                String name = broker.topic(topic);
                if (!existing.contains(name)) {
                    topics.add(new NewTopic(name, Topics.DEFAULT_PARTITIONS, (short) 1));
                }
                String deadLetters = broker.topic(Topics.deadLetterOf(topic));
                if (!existing.contains(deadLetters)) {
                    topics.add(new NewTopic(deadLetters, Topics.DEFAULT_PARTITIONS, (short) 1)
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(DLQ_RETENTION.toMillis()))));
                }
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Consumer groups of their own for every input channel of a case-service instance. Instances
     * that share the run's groups with one killed a moment earlier wait for its session to time out
     * (45 s) before they are given partitions.
     */
    static Map<String, String> ownCaseServiceGroups(KafkaBroker broker, String instance) {
        Map<String, String> groups = new java.util.HashMap<>();
        for (String topic : List.of(Topics.COMMENTS_CLASSIFIED, Topics.EVIDENCE_CAPTURED, Topics.PLATFORM_RESULTS,
                Topics.RECORDS_CULLED)) {
            groups.put("mp.messaging.incoming.\"" + topic + "\".group.id", broker.topicPrefix() + instance + "." + topic);
        }
        return groups;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
