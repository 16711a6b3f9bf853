package se.kommun.moderation.messaging.failure;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How consumers wait out a transient failure and when they give an unknown one up. */
@ConfigMapping(prefix = "messaging.consumer-failures")
public interface ConsumerFailureConfig {

    /** The pause after the first failed attempt; each later pause is twice the one before. */
    @WithDefault("200ms")
    Duration firstBackoff();

    /** No pause is longer than this, however long the outage: a recovered database is seen within it. */
    @WithDefault("10s")
    Duration maxBackoff();

    /**
     * How many times a record whose failure is neither known poison nor known transient is tried
     * before it goes to the dead-letter topic (with this count in {@code dlq-attempts}). With the
     * default backoff, 5 attempts span about three seconds.
     */
    @WithDefault("5")
    int unknownAttempts();

    /**
     * After a consumer has been waiting out a transient failure for longer than this, readiness
     * ({@code /q/health/ready}) reports DOWN, so that an orchestrator sees the stalled service (and
     * sends it no traffic); it is UP again with the first record that goes through.
     */
    @WithDefault("30s")
    Duration notReadyAfter();
}
