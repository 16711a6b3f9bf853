package se.kommun.moderation.cases.intake.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import se.kommun.moderation.cases.intake.domain.DeskIntake;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.messaging.failure.ConsumerFailurePolicy;

/**
 * comments.classified → the desk. Committed after the work; a record that cannot be read goes to
 * the DLQ, an outage is waited out (the shared consumer-failure policy).
 */
@ApplicationScoped
public class ClassifiedCommentConsumer {

    private static final Logger LOG = Logger.getLogger(ClassifiedCommentConsumer.class);

    private final EventCodec codec = EventCodec.instance();

    @Inject
    DeskIntake intake;

    @Inject
    ConsumerFailurePolicy failures;

    @Incoming(Topics.COMMENTS_CLASSIFIED)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        failures.process(record, () -> {
            EventEnvelope<CommentClassified> event = codec.decode(record.value(), CommentClassified.class);
            intake.onClassified(event).ifPresent(registration ->
                    // Diary number and route only: never the sender or the text.
                    LOG.infof("%s %s (%s) for %s", registration.opened() ? "registered" : "filed in",
                            registration.registeredCase().diaryNumber, event.payload().route(), event.commentKey()));
        });
    }
}
