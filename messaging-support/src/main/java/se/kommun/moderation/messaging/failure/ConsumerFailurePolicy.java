package se.kommun.moderation.messaging.failure;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import se.kommun.moderation.messaging.deadletter.DeadLetter;
import se.kommun.moderation.messaging.deadletter.DeadLetters;

/**
 * The one way every consumer of every service deals with a failure (ARCHITECTURE §4):
 *
 * <ul>
 * <li><b>poison</b> (the record cannot be read, or its own data breaks a rule or constraint) goes
 * to {@code <topic>.dlq} with the {@link se.kommun.moderation.messaging.deadletter.DeadLetterHeaders}
 * and the partition moves on; in a batch, only that record: the rest of the batch goes on;</li>
 * <li><b>transient</b> (database or broker away, a lock or statement timeout) is tried again in
 * place with exponential backoff (SmallRye Fault Tolerance) for as long as it lasts: the method
 * does not return, so the partition waits and nothing is committed; readiness goes DOWN once it
 * has lasted {@code not-ready-after};</li>
 * <li><b>unknown</b> is tried {@code unknown-attempts} times like a transient failure, then
 * dead-lettered as {@code unknown} with the attempt count.</li>
 * </ul>
 *
 * <p>Consumers call it from a {@code @Blocking} method with the domain call as the work, and return
 * when it returns: the record (or batch) is then acknowledged and its offset may be committed. The
 * work must be idempotent (a transient failure after the commit of a transaction runs it again),
 * which every consumer is by its event-id claims.
 */
@ApplicationScoped
public class ConsumerFailurePolicy {

    private static final Logger LOG = Logger.getLogger(ConsumerFailurePolicy.class);
    /** How long one publication of dead letters may wait for the broker before it counts as a (transient) failure. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    /** A batch's work: returns the records it set apart as poison itself (may be empty). */
    @FunctionalInterface
    public interface BatchWork {
        List<Rejection> apply(List<ConsumerRecord<String, String>> records) throws Exception;
    }

    /** One record's work. */
    @FunctionalInterface
    public interface RecordWork {
        void apply() throws Exception;
    }

    private final FailureClassifier classifier = new FailureClassifier();
    private final ConsumerFailureConfig config;
    private final ConsumerOutages outages;
    private final Function<List<DeadLetter>, Uni<Void>> deadLetters;
    private final Guard tryAgain;
    private volatile boolean stopping;

    @Inject
    ConsumerFailurePolicy(ConsumerFailureConfig config, ConsumerOutages outages, DeadLetters deadLetters) {
        this(config, outages, deadLetters::publish, triesAgain -> backoffGuard(config, triesAgain));
    }

    /** With the dead letters' way out and the retrying guard given (the unit tests give their own). */
    ConsumerFailurePolicy(ConsumerFailureConfig config, ConsumerOutages outages,
            Function<List<DeadLetter>, Uni<Void>> deadLetters, Function<Predicate<Throwable>, Guard> guard) {
        this.config = config;
        this.outages = outages;
        this.deadLetters = deadLetters;
        this.tryAgain = guard.apply(failure -> failure instanceof StillFailing && !stopping);
    }

    /**
     * Unbounded in count and time: a transient failure is waited out however long it lasts; unknown
     * ones stop themselves by throwing GivenUp after their attempts (see attempt()).
     */
    private static Guard backoffGuard(ConsumerFailureConfig config, Predicate<Throwable> triesAgain) {
        return Guard.create()
                .withDescription("consumer failure policy")
                .withRetry()
                    .maxRetries(-1)
                    .maxDuration(0, ChronoUnit.MILLIS)
                    .delay(config.firstBackoff().toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS)
                    .whenException(triesAgain)
                    .withExponentialBackoff()
                        .factor(2)
                        .maxDelay(config.maxBackoff().toMillis(), ChronoUnit.MILLIS)
                        .done()
                    .done()
                .build();
    }

    /** At shutdown a waiting consumer stops waiting: its record stays uncommitted for the next start. */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Handles one record; returns when it may be committed (done, or its dead letter acknowledged). */
    public void process(ConsumerRecord<String, String> record, RecordWork work) {
        processBatch(List.of(record), records -> {
            work.apply();
            return List.of();
        });
    }

    /**
     * Handles a poll's records with one call of {@code work} (one transaction, say). If the batch
     * fails for a reason other than a transient one, each record is handled alone with the same
     * work, so only the guilty record is set apart. Returns when every record may be committed.
     */
    public void processBatch(ConsumerRecords<String, String> records, BatchWork work) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        processBatch(all, work);
    }

    /** As {@link #processBatch(ConsumerRecords, BatchWork)}, for records in a list. */
    public void processBatch(List<ConsumerRecord<String, String>> records, BatchWork work) {
        if (records.isEmpty()) {
            return;
        }
        String topic = records.get(0).topic();
        Attempts attempts = new Attempts();
        List<Rejection> rejected;
        try {
            rejected = guarded(topic, attempts, () -> work.apply(records));
        } catch (GivenUp givenUp) {
            if (records.size() > 1) {
                LOG.warnf("a batch of %d records of %s failed (%s); handling its records one at a time",
                        records.size(), topic, givenUp.kind);
                for (ConsumerRecord<String, String> one : records) {
                    processBatch(List.of(one), work);
                }
                return;
            }
            ConsumerRecord<String, String> record = records.get(0);
            Throwable cause = givenUp.getCause();
            LOG.warnf("record %s-%d@%d given up as %s after %d attempt(s): %s", record.topic(), record.partition(),
                    record.offset(), givenUp.kind, givenUp.attempts, cause.getClass().getName());
            publish(topic, List.of(new DeadLetter(record, givenUp.kind, classifier.reason(cause), givenUp.attempts,
                    cause.getClass().getName())));
            return;
        }
        if (!rejected.isEmpty()) {
            publish(topic, deadLettersOf(records, rejected, attempts.count));
        }
    }

    private List<DeadLetter> deadLettersOf(List<ConsumerRecord<String, String>> records, List<Rejection> rejected,
            int attempts) {
        Map<TopicPartition, Map<Long, ConsumerRecord<String, String>>> byPlace = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            byPlace.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), p -> new HashMap<>()).put(r.offset(), r);
        }
        List<DeadLetter> letters = new ArrayList<>(rejected.size());
        String topic = records.get(0).topic();
        for (Rejection rejection : rejected) {
            ConsumerRecord<String, String> source = byPlace
                    .getOrDefault(new TopicPartition(topic, rejection.partition()), Map.of()).get(rejection.offset());
            if (source == null) {
                throw new IllegalArgumentException("rejected record " + topic + "-" + rejection.partition() + "@"
                        + rejection.offset() + " is not in the batch");
            }
            letters.add(new DeadLetter(source, FailureKind.POISON, rejection.reason(), attempts, null));
        }
        LOG.warnf("%d of %d records of a %s poll went to its dead-letter topic", letters.size(), records.size(), topic);
        return letters;
    }

    /** Dead letters out, waiting out a broker that does not answer like any other transient failure. */
    private void publish(String topic, List<DeadLetter> letters) {
        try {
            guarded(topic, new Attempts(), () -> deadLetters.apply(letters).await().atMost(SEND_TIMEOUT));
        } catch (GivenUp givenUp) {
            // Not acknowledged, so not committed: the records come again after a restart.
            throw new IllegalStateException("dead letters to " + DeadLetter.deadLetterTopicOf(topic)
                    + " could not be published", givenUp.getCause());
        }
    }

    /** Runs the work under the retry guard; a failure that is not tried again comes out as GivenUp. */
    @SuppressWarnings("unchecked")
    private <T> T guarded(String topic, Attempts attempts, Callable<T> work) {
        try {
            // Object: a plain synchronous call to the guard (a Uni or CompletionStage type would make it async).
            return (T) tryAgain.call(() -> (Object) attempt(topic, attempts, work), Object.class);
        } catch (GivenUp givenUp) {
            throw givenUp;
        } catch (StillFailing stillFailing) {
            // Only when stopping: leave the record uncommitted.
            throw new IllegalStateException("stopped while waiting out a failure on " + topic, stillFailing.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("waiting out a failure on " + topic + " was interrupted", e);
        }
    }

    private <T> T attempt(String topic, Attempts attempts, Callable<T> work) throws StillFailing, GivenUp {
        attempts.count++;
        try {
            T result = work.call();
            outages.recovered(topic);
            return result;
        } catch (Exception failure) {
            FailureKind kind = classifier.classify(failure);
            if (kind == FailureKind.TRANSIENT) {
                outages.failing(topic);
                if (attempts.count == 1 || Integer.bitCount(attempts.count) == 1) {
                    // The 1st, 2nd, 4th, 8th… attempt: enough to see an outage in the log without flooding it.
                    LOG.warnf("transient failure on %s (attempt %d), waiting it out: %s", topic, attempts.count,
                            describe(failure));
                }
                throw new StillFailing(failure);
            }
            if (kind == FailureKind.UNKNOWN && attempts.count < config.unknownAttempts()) {
                LOG.warnf(failure, "unknown failure on %s (attempt %d of %d)", topic, attempts.count,
                        config.unknownAttempts());
                throw new StillFailing(failure);
            }
            throw new GivenUp(kind, attempts.count, failure);
        }
    }

    private static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder(failure.getClass().getName());
        int depth = 0;
        for (Throwable t = failure.getCause(); t != null && depth++ < 8; t = t.getCause()) {
            out.append(" <- ").append(t.getClass().getName());
        }
        return out.toString();
    }

    /** Attempts of one record or batch. */
    private static final class Attempts {
        int count;
    }

    /** A failure to try again. */
    private static final class StillFailing extends Exception {
        StillFailing(Throwable cause) {
            super(cause.getClass().getName(), cause, false, false);
        }
    }

    /** A failure not tried again: the record is poison, or unknown and out of attempts. */
    private static final class GivenUp extends RuntimeException {
        final FailureKind kind;
        final int attempts;

        GivenUp(FailureKind kind, int attempts, Throwable cause) {
            super(cause.getClass().getName(), cause, false, false);
            this.kind = kind;
            this.attempts = attempts;
        }
    }
}
