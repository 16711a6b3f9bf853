package se.kommun.moderation.ingest.commands.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.PlatformCommandIssued;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.ingest.commands.execution.CommandExecutor;
import se.kommun.moderation.ingest.commands.persistence.CommandStore;

/**
 * Takes commands off {@code platform.commands} and stores them; the offset is committed after the
 * command is in the database, and the executor carries it out on its own threads, so a slow
 * platform never holds this consumer. A command that cannot be read goes to
 * {@code platform.commands.dlq} with the reason (the codec's reason never quotes content). The
 * database being away is not the command's fault: that is retried here, not dead-lettered.
 */
@ApplicationScoped
public class PlatformCommandConsumer {

    private static final Logger LOG = Logger.getLogger(PlatformCommandConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final EventCodec codec = EventCodec.instance();

    @Inject
    CommandStore store;

    @Inject
    CommandExecutor executor;

    @Inject
    ResultRelay relay;

    @Incoming(Topics.PLATFORM_COMMANDS)
    @Blocking
    public void consume(String json) {
        EventEnvelope<PlatformCommandIssued> command = codec.decode(json, PlatformCommandIssued.class);
        CommandStore.Acceptance acceptance = storeUntilStored(command);
        switch (acceptance) {
            case NEW -> executor.wake();
            case RESULT_REPUBLISHED -> relay.wake();
            case ALREADY_PENDING -> { }
        }
        LOG.debugf("platform command %s (%s %s): %s", command.payload().idempotencyKey(),
                command.payload().platform().id(), command.payload().action(), acceptance);
    }

    private CommandStore.Acceptance storeUntilStored(EventEnvelope<PlatformCommandIssued> command) {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                return store.accept(command, Instant.now());
            } catch (RuntimeException unavailable) {
                LOG.warnf("platform command %s not stored yet (%s); retrying in %d ms",
                        command.payload().idempotencyKey(), unavailable.getMessage(), backoff.toMillis());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while storing a platform command", e);
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
