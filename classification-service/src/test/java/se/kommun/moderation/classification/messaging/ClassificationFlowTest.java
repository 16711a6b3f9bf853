package se.kommun.moderation.classification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.RawPayload;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.TopicProbe;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ClassificationFlowTest {

    private final EventCodec codec = EventCodec.instance();
    KafkaBroker broker;
    private TopicProbe probe;

    @BeforeEach
    void openProbe() {
        probe = new TopicProbe(broker);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    private EventEnvelope<CommentReceived> received(String commentId, String text, Verb verb) {
        CommentReceived payload = new CommentReceived(Platform.WEB, "site", commentId, null, null,
                new Author(null, "Anna"), text, List.of(), null, null, Instant.now(), verb, "k-" + commentId + verb,
                new RawPayload("00", "application/json", "e30=", "00"));
        return EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), payload.commentKey().toString(), "test", payload);
    }

    private List<EventEnvelope<CommentClassified>> classifiedFor(String commentKey) {
        return probe.readAll(Topics.COMMENTS_CLASSIFIED).stream()
                .filter(r -> r.key().equals(commentKey))
                .map(r -> codec.decode(r.value(), CommentClassified.class))
                .toList();
    }

    @Test
    void aReceivedCommentIsClassifiedOnceKeyedByComment() {
        EventEnvelope<CommentReceived> event = received("c-" + UUID.randomUUID(), "Mitt pnr är 811218-9876", Verb.ADDED);
        probe.send(Topics.COMMENTS_RECEIVED, event.commentKey(), codec.encode(event));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(classifiedFor(event.commentKey())).singleElement().satisfies(out -> {
                    assertThat(out.payload().sourceEventId()).isEqualTo(event.eventId());
                    assertThat(out.payload().route()).isEqualTo(Route.CONFIDENTIAL);
                    assertThat(out.payload().comment().text()).isEqualTo("Mitt pnr är 811218-9876");
                    assertThat(out.producer()).isEqualTo("classification-service");
                }));
    }

    @Test
    void aReplayedEventYieldsTheSameOutputEventId() {
        EventEnvelope<CommentReceived> event = received("c-" + UUID.randomUUID(), "Tack!", Verb.ADDED);
        probe.send(Topics.COMMENTS_RECEIVED, event.commentKey(), codec.encode(event));
        probe.send(Topics.COMMENTS_RECEIVED, event.commentKey(), codec.encode(event));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<EventEnvelope<CommentClassified>> out = classifiedFor(event.commentKey());
            assertThat(out).hasSize(2);
            assertThat(out.get(0).eventId()).isEqualTo(out.get(1).eventId());
        });
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicWithItsReasonAndDoesNotBlock() {
        String poisonKey = "web:site:poison-" + UUID.randomUUID();
        probe.send(Topics.COMMENTS_RECEIVED, poisonKey, "{\"eventId\": not json");
        EventEnvelope<CommentReceived> after = received("c-" + UUID.randomUUID(), "Hej", Verb.ADDED);
        probe.send(Topics.COMMENTS_RECEIVED, after.commentKey(), codec.encode(after));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = probe.readAll(Topics.deadLetterOf(Topics.COMMENTS_RECEIVED))
                    .stream().filter(r -> poisonKey.equals(r.key())).toList();
            assertThat(dead).singleElement().satisfies(record -> {
                assertThat(record.value()).isEqualTo("{\"eventId\": not json");
                Header reason = record.headers().lastHeader("dead-letter-reason");
                assertThat(reason).isNotNull();
                assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("not valid JSON");
            });
            assertThat(classifiedFor(after.commentKey())).hasSize(1);
        });
    }

    @Test
    void removalsAreNotClassified() {
        String commentId = "c-" + UUID.randomUUID();
        EventEnvelope<CommentReceived> removed = received(commentId, "", Verb.REMOVED_BY_AUTHOR);
        EventEnvelope<CommentReceived> added = received(commentId, "Hej", Verb.ADDED);
        probe.send(Topics.COMMENTS_RECEIVED, removed.commentKey(), codec.encode(removed));
        probe.send(Topics.COMMENTS_RECEIVED, added.commentKey(), codec.encode(added));

        // Same partition, in order: once the later ADDED is classified, the removal has been passed over.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(classifiedFor(added.commentKey())).singleElement()
                        .satisfies(out -> assertThat(out.payload().sourceEventId()).isEqualTo(added.eventId())));
    }
}
