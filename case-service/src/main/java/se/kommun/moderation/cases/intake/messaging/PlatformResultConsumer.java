package se.kommun.moderation.cases.intake.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.kommun.moderation.cases.actions.domain.PlatformResults;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.PlatformCommandCompleted;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.messaging.failure.ConsumerFailurePolicy;

/** platform.results → commands, removals, answer tasks and the queue. */
@ApplicationScoped
public class PlatformResultConsumer {

    private final EventCodec codec = EventCodec.instance();

    @Inject
    PlatformResults results;

    @Inject
    ConsumerFailurePolicy failures;

    @Incoming(Topics.PLATFORM_RESULTS)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        failures.process(record, () -> results.record(codec.decode(record.value(), PlatformCommandCompleted.class)));
    }
}
