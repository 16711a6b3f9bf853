package se.kommun.moderation.cases.intake.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.kommun.moderation.cases.intake.domain.DeskIntake;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EvidenceCaptured;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.messaging.failure.ConsumerFailurePolicy;

/** evidence.captured → the police report and the decision point. */
@ApplicationScoped
public class EvidenceCapturedConsumer {

    private final EventCodec codec = EventCodec.instance();

    @Inject
    DeskIntake intake;

    @Inject
    ConsumerFailurePolicy failures;

    @Incoming(Topics.EVIDENCE_CAPTURED)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        failures.process(record, () -> intake.onEvidence(codec.decode(record.value(), EvidenceCaptured.class)));
    }
}
