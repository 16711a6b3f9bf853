package se.kommun.moderation.messaging.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.MalformedEventException;
import se.kommun.moderation.messaging.deadletter.DeadLetter;
import se.kommun.moderation.messaging.deadletter.DeadLetterHeaders;

/**
 * The policy's decisions without a broker or a framework: the retrying guard is replaced by one that
 * tries again at once (bounded, so a broken test cannot loop for ever), and dead letters are collected.
 */
class ConsumerFailurePolicyTest {

    private static final String TOPIC = "comments.classified";

    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final ConsumerOutages outages = new ConsumerOutages(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final ConsumerFailurePolicy policy = new ConsumerFailurePolicy(config(), outages, letters -> {
        deadLetters.addAll(letters);
        return Uni.createFrom().voidItem();
    }, ImmediateRetries::new);

    private static ConsumerRecord<String, String> record(long offset) {
        return new ConsumerRecord<>(TOPIC, 3, offset, "web:site:c-" + offset, "{\"n\":" + offset + "}");
    }

    @Test
    void aPoisonRecordGoesToTheDeadLettersAtOnceWithItsReason() {
        AtomicInteger calls = new AtomicInteger();
        policy.process(record(7), () -> {
            calls.incrementAndGet();
            throw new MalformedEventException("missing field 'payload'");
        });

        assertThat(calls).hasValue(1);
        assertThat(deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.failure()).isEqualTo(FailureKind.POISON);
            assertThat(letter.attempts()).isEqualTo(1);
            assertThat(letter.reason()).isEqualTo("missing field 'payload'");
            assertThat(letter.topic()).isEqualTo(TOPIC + ".dlq");
        });
    }

    @Test
    void aTransientFailureIsTriedAgainUntilItGoesThroughAndNothingIsDeadLettered() {
        AtomicInteger calls = new AtomicInteger();
        policy.process(record(8), () -> {
            if (calls.incrementAndGet() < 4) {
                throw new IllegalStateException(new SQLException("connection refused", "08001"));
            }
        });

        assertThat(calls).hasValue(4);
        assertThat(deadLetters).isEmpty();
        assertThat(outages.waitingLongerThan(Duration.ofMillis(-1))).as("recovered").isEmpty();
    }

    @Test
    void aTransientFailureMarksTheTopicAsWaitingWhileItLasts() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> waitingSeen = new ArrayList<>();
        policy.process(record(9), () -> {
            waitingSeen.add(outages.waitingLongerThan(Duration.ofMillis(-1)).size());
            if (calls.incrementAndGet() < 3) {
                throw new SQLException("terminating connection due to administrator command", "57P01");
            }
        });
        assertThat(waitingSeen).containsExactly(0, 1, 1);
    }

    @Test
    void anUnknownFailureIsTriedTheConfiguredNumberOfTimesThenDeadLetteredWithTheCount() {
        AtomicInteger calls = new AtomicInteger();
        policy.process(record(10), () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("something nobody foresaw");
        });

        assertThat(calls).hasValue(5);
        assertThat(deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.failure()).isEqualTo(FailureKind.UNKNOWN);
            assertThat(letter.attempts()).isEqualTo(5);
            assertThat(letter.exception()).isEqualTo(IllegalStateException.class.getName());
            assertThat(letter.reason()).isEqualTo("IllegalStateException").doesNotContain("nobody");
        });
    }

    @Test
    void aBatchThatFailsForOneRecordIsHandledOneRecordAtATimeAndOnlyThatRecordIsDeadLettered() {
        List<ConsumerRecord<String, String>> batch = List.of(record(20), record(21), record(22));
        List<Long> done = new ArrayList<>();
        policy.processBatch(batch, records -> {
            if (records.stream().anyMatch(r -> r.offset() == 21)) {
                throw new IllegalArgumentException("route TRIVIAL takes no OSL provision");
            }
            records.forEach(r -> done.add(r.offset()));
            return List.of();
        });

        assertThat(done).containsExactly(20L, 22L);
        assertThat(deadLetters).singleElement().satisfies(letter -> assertThat(letter.source().offset()).isEqualTo(21));
    }

    @Test
    void recordsTheDomainSetsApartAreDeadLetteredWithItsReasonAndTheRestGoOn() {
        List<ConsumerRecord<String, String>> batch = List.of(record(30), record(31), record(32));
        AtomicInteger calls = new AtomicInteger();
        policy.processBatch(batch, records -> {
            calls.incrementAndGet();
            return List.of(new Rejection(3, 32, "the raw bytes do not match their SHA-256"));
        });

        assertThat(calls).as("one call for the whole batch").hasValue(1);
        assertThat(deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.source().offset()).isEqualTo(32);
            assertThat(letter.reason()).isEqualTo("the raw bytes do not match their SHA-256");
            assertThat(letter.failure()).isEqualTo(FailureKind.POISON);
        });
    }

    @Test
    void aDeadLetterKeepsTheRecordsHeadersAndAddsTheConvention() {
        ConsumerRecord<String, String> source = record(40);
        source.headers().add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));
        DeadLetter letter = new DeadLetter(source, FailureKind.UNKNOWN, "IllegalStateException", 5,
                IllegalStateException.class.getName());

        assertThat(header(letter, "traceparent")).isEqualTo("00-abc-def-01");
        assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("IllegalStateException");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(TOPIC);
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("3");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("40");
        assertThat(header(letter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("5");
        assertThat(header(letter, DeadLetterHeaders.FAILURE)).isEqualTo("unknown");
        assertThat(header(letter, DeadLetterHeaders.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void readinessCountsFromTheFirstFailureOfAnOutage() {
        MutableClock clock = new MutableClock();
        ConsumerOutages watched = new ConsumerOutages(clock);
        watched.failing(TOPIC);
        clock.now = clock.now.plusSeconds(20);
        watched.failing(TOPIC);
        clock.now = clock.now.plusSeconds(15);
        assertThat(watched.waitingLongerThan(Duration.ofSeconds(30))).containsEntry(TOPIC, Duration.ofSeconds(35));
        watched.recovered(TOPIC);
        assertThat(watched.waitingLongerThan(Duration.ZERO)).isEmpty();
    }

    private static String header(DeadLetter letter, String name) {
        Header header = letter.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static ConsumerFailureConfig config() {
        return new ConsumerFailureConfig() {
            @Override
            public Duration firstBackoff() {
                return Duration.ofMillis(1);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofMillis(1);
            }

            @Override
            public int unknownAttempts() {
                return 5;
            }

            @Override
            public Duration notReadyAfter() {
                return Duration.ofSeconds(30);
            }
        };
    }

    /** Tries again at once while the policy says so, at most 100 times. */
    private static final class ImmediateRetries implements Guard {

        private final Predicate<Throwable> triesAgain;

        ImmediateRetries(Predicate<Throwable> triesAgain) {
            this.triesAgain = triesAgain;
        }

        @Override
        public <T> T call(Callable<T> action, Class<T> type) throws Exception {
            for (int attempt = 1; ; attempt++) {
                try {
                    return action.call();
                } catch (Exception e) {
                    if (!triesAgain.test(e) || attempt == 100) {
                        throw e;
                    }
                }
            }
        }

        @Override
        public <T> T call(Callable<T> action, TypeLiteral<T> type) throws Exception {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T get(Supplier<T> action, Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T get(Supplier<T> action, TypeLiteral<T> type) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
