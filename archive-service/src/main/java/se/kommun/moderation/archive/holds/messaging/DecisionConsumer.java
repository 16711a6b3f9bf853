package se.kommun.moderation.archive.holds.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.kommun.moderation.archive.evidence.domain.EscalationEvidence;
import se.kommun.moderation.archive.holds.domain.LegalHolds;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.ModerationDecided;
import se.kommun.moderation.events.Topics;

/**
 * moderation.decisions → legal holds, route decisions, and evidence for comments a moderator moved
 * into the removal lane. Unreadable input goes to the DLQ with its reason.
 */
@ApplicationScoped
public class DecisionConsumer {

    private final EventCodec codec = EventCodec.instance();

    @Inject
    LegalHolds holds;

    @Inject
    EscalationEvidence escalations;

    @Incoming(Topics.MODERATION_DECISIONS)
    @Blocking
    public void consume(String json) {
        EventEnvelope<ModerationDecided> decision = codec.decode(json, ModerationDecided.class);
        holds.apply(decision);
        escalations.requestIfEscalated(decision);
    }
}
