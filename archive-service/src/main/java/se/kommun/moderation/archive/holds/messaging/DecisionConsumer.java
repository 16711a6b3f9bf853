package se.kommun.moderation.archive.holds.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.kommun.moderation.archive.evidence.domain.EscalationEvidence;
import se.kommun.moderation.archive.holds.domain.LegalHolds;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.ModerationDecided;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.messaging.failure.ConsumerFailurePolicy;

/**
 * moderation.decisions → legal holds, route decisions, and evidence for comments a moderator moved
 * into the removal lane. Unreadable input goes to the DLQ with its reason; an outage is waited out.
 */
@ApplicationScoped
public class DecisionConsumer {

    private final EventCodec codec = EventCodec.instance();

    @Inject
    LegalHolds holds;

    @Inject
    EscalationEvidence escalations;

    @Inject
    ConsumerFailurePolicy failures;

    @Incoming(Topics.MODERATION_DECISIONS)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        failures.process(record, () -> {
            EventEnvelope<ModerationDecided> decision = codec.decode(record.value(), ModerationDecided.class);
            holds.apply(decision);
            escalations.requestIfEscalated(decision);
        });
    }
}
