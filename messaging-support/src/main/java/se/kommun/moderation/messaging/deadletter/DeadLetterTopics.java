package se.kommun.moderation.messaging.deadletter;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jboss.logging.Logger;

/**
 * Sees to it that every topic this service consumes has its {@code .dlq} topic with the configured
 * retention ({@link DeadLetterConfig#retention()}, 30 days by default instead of Kafka's 7), so a
 * dead letter stays long enough to be re-driven after a fix. Done off the start-up thread for the
 * topics the service's consumers subscribe to, and again before the first dead letter to a topic
 * that was not seen to yet. A broker that refuses (no right to administer topics, or not
 * reachable yet) is logged and does not stop the service: the next dead letter tries again.
 */
@ApplicationScoped
public class DeadLetterTopics {

    private static final Logger LOG = Logger.getLogger(DeadLetterTopics.class);
    private static final long TIMEOUT_SECONDS = 15;

    private final Set<String> seenTo = ConcurrentHashMap.newKeySet();
    private final DeadLetterConfig config;
    private final Map<String, Object> kafka;
    private final KafkaClientService clients;
    private Admin admin;

    @Inject
    DeadLetterTopics(DeadLetterConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            KafkaClientService clients) {
        this.config = config;
        this.kafka = kafka;
        this.clients = clients;
    }

    void atStartup(@Observes StartupEvent started) {
        if (!config.manageTopics()) {
            return;
        }
        // The consumers subscribe on their polling threads; asking there returns their topics.
        for (String channel : clients.getConsumerChannels()) {
            Function<Consumer<String, String>, Set<String>> subscription = Consumer::subscription;
            clients.<String, String>getConsumer(channel).runOnPollingThread(subscription)
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .subscribe().with(topics -> topics.forEach(this::seeTo),
                            failure -> LOG.warnf("the topics of channel %s are unknown: %s", channel, failure));
        }
    }

    /** Makes sure {@code sourceTopic}'s dead-letter topic exists with the configured retention. */
    public void seeTo(String sourceTopic) {
        String topic = DeadLetter.deadLetterTopicOf(sourceTopic);
        if (!config.manageTopics() || seenTo.contains(topic)) {
            return;
        }
        try {
            createOrUpdate(sourceTopic, topic);
            seenTo.add(topic);
        } catch (ExecutionException e) {
            LOG.warnf("could not see to the dead-letter topic %s (retention %s): %s", topic, config.retention(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("could not see to the dead-letter topic %s (retention %s): %s", topic, config.retention(), e);
        }
    }

    /** Seen to in this process already (for tests and the logs). */
    public boolean isSeenTo(String sourceTopic) {
        return seenTo.contains(DeadLetter.deadLetterTopicOf(sourceTopic));
    }

    private void createOrUpdate(String sourceTopic, String topic) throws Exception {
        String retention = Long.toString(config.retention().toMillis());
        Admin admin = admin();
        NewTopic wanted = new NewTopic(topic, Optional.of(partitionsOf(admin, sourceTopic)), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retention));
        try {
            admin.createTopics(List.of(wanted)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.infof("created the dead-letter topic %s (retention %s)", topic, config.retention());
            return;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        // It exists (made by the deploy scripts, or auto-created by a first send): set its retention.
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config current = admin.describeConfigs(List.of(resource)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .get(resource);
        ConfigEntry entry = current == null ? null : current.get(TopicConfig.RETENTION_MS_CONFIG);
        if (entry == null || !retention.equals(entry.value())) {
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, retention), AlterConfigOp.OpType.SET))))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.infof("set the retention of the dead-letter topic %s to %s", topic, config.retention());
        }
    }

    /** As many partitions as the source topic (dead letters keep its keys), else the configured count. */
    private int partitionsOf(Admin admin, String sourceTopic) throws Exception {
        try {
            TopicDescription source = admin.describeTopics(List.of(sourceTopic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(sourceTopic);
            return source == null ? config.partitions() : source.partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return config.partitions();
            }
            throw e;
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            // The service's own Kafka connection settings (kafka.*), those an admin client knows.
            Map<String, Object> settings = new HashMap<>();
            kafka.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    settings.put(key, value);
                }
            });
            admin = Admin.create(settings);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
