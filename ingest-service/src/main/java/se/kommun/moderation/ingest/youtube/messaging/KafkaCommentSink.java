package se.kommun.moderation.ingest.youtube.messaging;

import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import se.kommun.moderation.events.CommentQuarantined;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.ingest.messaging.EventPublisher;
import se.kommun.moderation.ingest.youtube.domain.CommentSink;

/**
 * Publishes polled comments through the edge's {@link EventPublisher} and blocks until the broker has
 * acknowledged every one (acks=all); the poller runs on its own threads, never on an event loop.
 */
@ApplicationScoped
public class KafkaCommentSink implements CommentSink {

    // Bounded so a first poll of a large channel does not overflow the emitter's buffer.
    private static final int IN_FLIGHT = 32;
    // Longer than the producer's delivery.timeout.ms: the producer gives up first and says why.
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    EventPublisher publisher;

    @Override
    public void publish(List<EventEnvelope<CommentReceived>> events) {
        if (events.isEmpty()) {
            return;
        }
        Multi.createFrom().iterable(events)
                .onItem().transformToUni(event -> publisher.publishReceived(event)
                        .ifNoItem().after(ACK_TIMEOUT).fail()
                        .replaceWith(event.eventId()))
                .merge(IN_FLIGHT)
                .collect().last()
                .await().indefinitely();
    }

    @Override
    public void quarantine(EventEnvelope<CommentQuarantined> event) {
        publisher.publishQuarantined(event).await().atMost(ACK_TIMEOUT);
    }
}
