package se.kommun.moderation.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import se.kommun.moderation.events.Topics;

/**
 * The database outage every service's consumers must survive (issue 18), run the same way for each:
 * the first half of the events in, the database cut once the consumer is under way, the second half
 * in while it is away, readiness DOWN, the database back, every event through and readiness UP
 * again; then nothing dead-lettered, and the dead-letter topic keeping its 30 days. What "through"
 * means is the service's own count; the checks of its tables stay in its test.
 */
public final class OutageDrill {

    private static final long THIRTY_DAYS_MS = Duration.ofDays(30).toMillis();

    /** A count read straight from the database, not through the proxy. */
    @FunctionalInterface
    public interface Count {
        int get() throws Exception;
    }

    private final TopicProbe probe;
    private final CuttableTcpProxy proxy;
    private final Supplier<String> readiness;

    /** {@code readiness}: the status of the service's {@code consumer-outages} readiness check. */
    public OutageDrill(TopicProbe probe, CuttableTcpProxy proxy, Supplier<String> readiness) {
        this.probe = probe;
        this.proxy = proxy;
        this.readiness = readiness;
    }

    /** Sends {@code events} (keyed) to {@code topic} across the outage until {@code through} reaches {@code expected}. */
    public void run(String topic, List<Map.Entry<String, String>> events, int expected, Count through) throws Exception {
        int half = events.size() / 2;
        probe.sendKeyed(topic, events.subList(0, half));
        await().atMost(Duration.ofSeconds(60)).until(() -> through.get() >= Math.min(100, expected));

        proxy.cut();
        probe.sendKeyed(topic, events.subList(half, events.size()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DOWN".equals(readiness.get()));
        assertThat(through.get()).as("the outage came mid-stream").isLessThan(expected);

        proxy.restore();
        await().atMost(Duration.ofSeconds(90)).until(() -> through.get() == expected);
        await().atMost(Duration.ofSeconds(10)).until(() -> "UP".equals(readiness.get()));

        assertThat(probe.readAll(Topics.deadLetterOf(topic))).isEmpty();
        assertThat(probe.retentionMs(Topics.deadLetterOf(topic))).isEqualTo(THIRTY_DAYS_MS);
        assertThat(proxy.acceptedConnections()).as("the service reached its database through the proxy").isPositive();
    }
}
