package se.kommun.moderation.cases.intake.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.kommun.moderation.cases.intake.domain.DeskIntake;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.RecordCulled;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.messaging.failure.ConsumerFailurePolicy;

/** records.culled → the culled content leaves the desk; the register entry stays. */
@ApplicationScoped
public class RecordCulledConsumer {

    private final EventCodec codec = EventCodec.instance();

    @Inject
    DeskIntake intake;

    @Inject
    ConsumerFailurePolicy failures;

    @Incoming(Topics.RECORDS_CULLED)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        failures.process(record, () -> intake.onCulled(codec.decode(record.value(), RecordCulled.class)));
    }
}
