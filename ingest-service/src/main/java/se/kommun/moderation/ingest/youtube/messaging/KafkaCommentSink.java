package se.kommun.moderation.ingest.youtube.messaging;

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

    // Longer than the producer's delivery.timeout.ms: the producer gives up first and says why.
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    EventPublisher publisher;

    @Override
    public void publish(List<EventEnvelope<CommentReceived>> events) {
        if (events.isEmpty()) {
            return;
        }
        // One poll's comments in one go: the producer batches them and its buffer.memory and
        // max.block.ms bound what a large first poll can queue.
        publisher.publishAll(events, List.of()).await().atMost(ACK_TIMEOUT);
    }

    @Override
    public void quarantine(EventEnvelope<CommentQuarantined> event) {
        publisher.publishQuarantined(event).await().atMost(ACK_TIMEOUT);
    }
}
