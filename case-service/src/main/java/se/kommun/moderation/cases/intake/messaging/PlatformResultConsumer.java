package se.kommun.moderation.cases.intake.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.kommun.moderation.cases.actions.domain.PlatformResults;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.PlatformCommandCompleted;
import se.kommun.moderation.events.Topics;

/** platform.results → commands, removals, answer tasks and the queue. */
@ApplicationScoped
public class PlatformResultConsumer {

    private final EventCodec codec = EventCodec.instance();

    @Inject
    PlatformResults results;

    @Incoming(Topics.PLATFORM_RESULTS)
    @Blocking
    public void consume(String json) {
        results.record(codec.decode(json, PlatformCommandCompleted.class));
    }
}
