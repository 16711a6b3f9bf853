package se.kommun.moderation.ingest.commands.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.PlatformCommandIssued;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.ingest.commands.execution.CommandExecutor;
import se.kommun.moderation.ingest.commands.persistence.CommandStore;
import se.kommun.moderation.messaging.failure.ConsumerFailurePolicy;

/**
 * Takes commands off {@code platform.commands} and stores them; the offset is committed after the
 * command is in the database, and the executor carries it out on its own threads, so a slow
 * platform never holds this consumer. A command that cannot be read goes to
 * {@code platform.commands.dlq} with the reason (the codec's reason never quotes content). The
 * database being away is not the command's fault: the shared consumer-failure policy waits it out
 * here, with backoff, and never dead-letters it.
 */
@ApplicationScoped
public class PlatformCommandConsumer {

    private static final Logger LOG = Logger.getLogger(PlatformCommandConsumer.class);

    private final EventCodec codec = EventCodec.instance();

    @Inject
    CommandStore store;

    @Inject
    CommandExecutor executor;

    @Inject
    ResultRelay relay;

    @Inject
    ConsumerFailurePolicy failures;

    @Incoming(Topics.PLATFORM_COMMANDS)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        failures.process(record, () -> accept(codec.decode(record.value(), PlatformCommandIssued.class)));
    }

    private void accept(EventEnvelope<PlatformCommandIssued> command) {
        CommandStore.Acceptance acceptance = store.accept(command, Instant.now());
        switch (acceptance) {
            case NEW -> executor.wake();
            case RESULT_REPUBLISHED -> relay.wake();
            case ALREADY_PENDING -> { }
        }
        LOG.debugf("platform command %s (%s %s): %s", command.payload().idempotencyKey(),
                command.payload().platform().id(), command.payload().action(), acceptance);
    }
}
