package se.kommun.moderation.messaging.failure;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which consumers are waiting out a transient failure, and since when (per source topic). The
 * time counts from the first failure of the current run of failures, not from the latest one,
 * so a long outage with short retries still shows as long.
 */
@ApplicationScoped
public class ConsumerOutages {

    private final Map<String, Instant> waitingSince = new ConcurrentHashMap<>();
    private final Clock clock;

    public ConsumerOutages() {
        this(Clock.systemUTC());
    }

    ConsumerOutages(Clock clock) {
        this.clock = clock;
    }

    /** A transient failure on {@code topic}; the first one of a run starts the clock. */
    public void failing(String topic) {
        waitingSince.putIfAbsent(topic, clock.instant());
    }

    /** A record of {@code topic} went through: the outage, if any, is over. */
    public void recovered(String topic) {
        if (!waitingSince.isEmpty()) {
            waitingSince.remove(topic);
        }
    }

    /** The topics waiting for longer than {@code limit}, with how long each has waited. */
    public Map<String, Duration> waitingLongerThan(Duration limit) {
        Instant now = clock.instant();
        Map<String, Duration> out = new TreeMap<>();
        waitingSince.forEach((topic, since) -> {
            Duration waited = Duration.between(since, now);
            if (waited.compareTo(limit) > 0) {
                out.put(topic, waited);
            }
        });
        return out;
    }
}
