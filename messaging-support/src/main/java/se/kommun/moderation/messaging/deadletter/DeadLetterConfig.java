package se.kommun.moderation.messaging.deadletter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long dead letters are kept and whether the service sees to their topics itself. */
@ConfigMapping(prefix = "messaging.dead-letters")
public interface DeadLetterConfig {

    /**
     * How long the broker keeps a dead letter ({@code retention.ms} of every {@code .dlq} topic):
     * long enough to find the fault, fix it and re-drive the records (Kafka's default is 7 days).
     */
    @WithDefault("30d")
    Duration retention();

    /**
     * At start-up (and before the first dead letter to a topic), create the {@code .dlq} topic of
     * every topic this service consumes if it is missing, and set its retention if it differs.
     * Off where the service may not administer topics (they are then created by the platform team
     * with the same retention).
     */
    @WithDefault("true")
    boolean manageTopics();

    /** Partitions of a dead-letter topic created here when its source topic cannot be described. */
    @WithDefault("6")
    int partitions();
}
