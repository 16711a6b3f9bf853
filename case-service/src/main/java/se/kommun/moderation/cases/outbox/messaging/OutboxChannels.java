package se.kommun.moderation.cases.outbox.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import se.kommun.moderation.events.Topics;

/** The outgoing channels the outbox may write to, by topic (channel name = topic name). */
@ApplicationScoped
public class OutboxChannels {

    @Inject
    @Channel(Topics.PLATFORM_COMMANDS)
    MutinyEmitter<String> platformCommands;

    @Inject
    @Channel(Topics.MODERATION_DECISIONS)
    MutinyEmitter<String> moderationDecisions;

    public MutinyEmitter<String> emitterFor(String topic) {
        return switch (topic) {
            case Topics.PLATFORM_COMMANDS -> platformCommands;
            case Topics.MODERATION_DECISIONS -> moderationDecisions;
            default -> throw new IllegalStateException("no channel for outbox topic " + topic);
        };
    }
}
