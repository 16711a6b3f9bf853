package se.kommun.moderation.classification.feedback.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.kommun.moderation.classification.feedback.domain.Feedback;
import se.kommun.moderation.classification.feedback.persistence.FeedbackRepository;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.ModerationDecided;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.messaging.failure.ConsumerFailurePolicy;

/**
 * moderation.decisions → the feedback table. Confirmations and overrides are kept (once per event id);
 * legal holds are passed over. An event that cannot be read goes to moderation.decisions.dlq with the
 * reason; while the database does not answer, the event is tried again with backoff for as long as
 * that lasts (the shared consumer-failure policy), so that a restart of PostgreSQL loses nothing.
 */
@ApplicationScoped
public class DecisionConsumer {

    private final EventCodec codec = EventCodec.instance();
    private final FeedbackRepository repository;
    private final MeterRegistry meters;
    private final ConsumerFailurePolicy failures;

    DecisionConsumer(FeedbackRepository repository, MeterRegistry meters, ConsumerFailurePolicy failures) {
        this.repository = repository;
        this.meters = meters;
        this.failures = failures;
    }

    @Incoming(Topics.MODERATION_DECISIONS)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        failures.process(record, () -> keep(codec.decode(record.value(), ModerationDecided.class)));
    }

    private void keep(EventEnvelope<ModerationDecided> event) throws SQLException {
        Optional<Feedback> feedback = Feedback.of(event);
        if (feedback.isEmpty()) {
            meters.counter("classification_feedback_ignored_total", "kind", event.payload().kind().name()).increment();
            return;
        }
        boolean kept = repository.record(feedback.get());
        meters.counter("classification_feedback_total", "kind", feedback.get().kind().name(),
                "outcome", kept ? "kept" : "replay").increment();
    }
}
