package se.kommun.moderation.classification.feedback.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import se.kommun.moderation.classification.feedback.domain.Feedback;
import se.kommun.moderation.classification.feedback.persistence.FeedbackRepository;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.ModerationDecided;
import se.kommun.moderation.events.Topics;

/**
 * moderation.decisions → the feedback table. Confirmations and overrides are kept (once per event id);
 * legal holds are passed over. An event that cannot be read is nacked and lands on
 * moderation.decisions.dlq with the reason (failure strategy in application.properties). While the
 * database does not answer, the event is retried with a growing pause (for about half a minute)
 * before it is given up to the dead-letter topic, so that a restart of PostgreSQL loses nothing.
 */
@ApplicationScoped
public class DecisionConsumer {

    private static final Logger LOG = Logger.getLogger(DecisionConsumer.class);
    private static final int ATTEMPTS = 6;

    private final EventCodec codec = EventCodec.instance();
    private final FeedbackRepository repository;
    private final MeterRegistry meters;

    DecisionConsumer(FeedbackRepository repository, MeterRegistry meters) {
        this.repository = repository;
        this.meters = meters;
    }

    @Incoming(Topics.MODERATION_DECISIONS)
    @Blocking
    public void consume(String json) throws InterruptedException {
        EventEnvelope<ModerationDecided> event = codec.decode(json, ModerationDecided.class);
        Optional<Feedback> feedback = Feedback.of(event);
        if (feedback.isEmpty()) {
            meters.counter("classification_feedback_ignored_total", "kind", event.payload().kind().name()).increment();
            return;
        }
        boolean kept = store(feedback.get());
        meters.counter("classification_feedback_total", "kind", feedback.get().kind().name(),
                "outcome", kept ? "kept" : "replay").increment();
    }

    private boolean store(Feedback feedback) throws InterruptedException {
        Duration pause = Duration.ofMillis(500);
        for (int attempt = 1; ; attempt++) {
            try {
                return repository.record(feedback);
            } catch (SQLException e) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("feedback not stored after " + ATTEMPTS
                            + " attempts: database error (SQLState " + e.getSQLState() + ")", e);
                }
                // SQLState and attempt only: the message could echo values of the decision.
                LOG.warnf("storing feedback event %s failed (SQLState %s), attempt %d of %d; retrying in %d ms",
                        feedback.eventId(), e.getSQLState(), attempt, ATTEMPTS, pause.toMillis());
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2);
            }
        }
    }
}
