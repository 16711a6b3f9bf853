package se.kommun.moderation.messaging.deadletter;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes dead letters, every one to its own record's {@code .dlq} topic, through the one
 * outgoing channel {@value #CHANNEL} (each service configures it with acks=all and idempotence;
 * the topic is set per record). The completion comes when the broker has acknowledged them all, so
 * a consumer commits a poison record's offset only after its dead letter is safe.
 */
@ApplicationScoped
public class DeadLetters {

    /** The outgoing channel every service configures for its dead letters. */
    public static final String CHANNEL = "dead-letters";

    private final MutinyEmitter<String> channel;
    private final DeadLetterTopics topics;

    @Inject
    DeadLetters(@Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> channel,
            DeadLetterTopics topics) {
        this.channel = channel;
        this.topics = topics;
    }

    /** Completes when the broker has acknowledged every one of them. */
    public Uni<Void> publish(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            topics.seeTo(letter.source().topic());
            sends.add(channel.sendMessage(Message.of(letter.source().value()).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder()
                            .withTopic(letter.topic())
                            .withKey(letter.source().key())
                            .withHeaders(letter.headers())
                            .build())));
        }
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }
}
