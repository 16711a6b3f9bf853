package se.kommun.moderation.classification.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import se.kommun.moderation.classification.config.ClassificationConfig;
import se.kommun.moderation.classification.domain.CommentClassifier;
import se.kommun.moderation.classification.domain.rules.RuleSetRegistry;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Topics;

/**
 * comments.received → comments.classified. The input is acknowledged only once the output is on
 * the broker; an input that cannot be read is nacked and lands on comments.received.dlq with the
 * reason (failure-strategy in application.properties).
 */
@ApplicationScoped
public class ReceivedCommentConsumer {

    private final EventCodec codec = EventCodec.instance();
    private final CommentClassifier classifier;

    @Inject
    @Channel(Topics.COMMENTS_CLASSIFIED)
    MutinyEmitter<String> classified;

    @Inject
    ReceivedCommentConsumer(ClassificationConfig config, RuleSetRegistry rules) {
        this.classifier = new CommentClassifier(config.reviewThreshold(), rules);
    }

    @Incoming(Topics.COMMENTS_RECEIVED)
    public Uni<Void> consume(String json) {
        EventEnvelope<CommentReceived> event = codec.decode(json, CommentReceived.class);
        return classifier.classify(event, Instant.now())
                .map(this::publish)
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    private Uni<Void> publish(EventEnvelope<CommentClassified> event) {
        return classified.sendMessage(Message.of(codec.encode(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.commentKey()).build()));
    }
}
