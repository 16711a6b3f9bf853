package se.kommun.moderation.messaging.failure;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness DOWN while a consumer has been waiting out a transient failure (database or broker
 * away) for longer than {@code messaging.consumer-failures.not-ready-after}. Not liveness: a
 * restart would not bring the database back, and the consumer recovers by itself.
 */
@Readiness
@ApplicationScoped
public class ConsumerOutageCheck implements HealthCheck {

    static final String NAME = "consumer-outages";

    private final ConsumerOutages outages;
    private final ConsumerFailureConfig config;

    ConsumerOutageCheck(ConsumerOutages outages, ConsumerFailureConfig config) {
        this.outages = outages;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Duration> waiting = outages.waitingLongerThan(config.notReadyAfter());
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(waiting.isEmpty());
        // Topic names and seconds only: what an operator needs to find the stalled consumer.
        waiting.forEach((topic, waited) -> response.withData(topic, "waiting " + waited.toSeconds() + " s"));
        return response.build();
    }
}
