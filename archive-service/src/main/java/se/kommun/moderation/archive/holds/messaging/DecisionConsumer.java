package se.kommun.moderation.archive.holds.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.kommun.moderation.archive.holds.domain.LegalHolds;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.ModerationDecided;
import se.kommun.moderation.events.Topics;

/** moderation.decisions → legal holds and route decisions. Unreadable input goes to the DLQ with its reason. */
@ApplicationScoped
public class DecisionConsumer {

    private final EventCodec codec = EventCodec.instance();

    @Inject
    LegalHolds holds;

    @Incoming(Topics.MODERATION_DECISIONS)
    @Blocking
    public void consume(String json) {
        holds.apply(codec.decode(json, ModerationDecided.class));
    }
}
