package se.kommun.moderation.classification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
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
import se.kommun.moderation.messaging.deadletter.DeadLetterHeaders;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TopicProbe;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "classification"))
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
                RawPayload.ofBase64("00", "application/json", "e30=", "00"));
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
    void aCommentsVersionsLeaveInTheOrderTheyCameAlthoughBatchesAreClassifiedInSlices() {
        String commentId = "c-" + UUID.randomUUID();
        List<String> texts = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int version = 0; version < 300; version++) {
            String text = "Version " + version + ": när öppnar badhuset igen?";
            texts.add(text);
            events.add(codec.encode(received(commentId, text, version == 0 ? Verb.ADDED : Verb.EDITED)));
        }
        String commentKey = received(commentId, "", Verb.ADDED).commentKey();
        probe.sendAll(Topics.COMMENTS_RECEIVED, commentKey, events);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(classifiedFor(commentKey)).extracting(out -> out.payload().comment().text())
                        .containsExactlyElementsOf(texts));
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
                Header reason = record.headers().lastHeader(DeadLetterHeaders.REASON);
                assertThat(reason).isNotNull();
                assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("not valid JSON");
            });
            assertThat(classifiedFor(after.commentKey())).hasSize(1);
        });
    }

    @Test
    void aPoisonRecordInsideABatchIsDeadLetteredAndTheRestOfTheBatchIsClassifiedAndCommitted() throws Exception {
        String batchKey = "web:site:batch-" + UUID.randomUUID();
        List<EventEnvelope<CommentReceived>> good = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            good.add(received("c-" + UUID.randomUUID(), i % 2 == 0 ? "Tack för hjälpen!" : "Mitt pnr är 811218-9876", Verb.ADDED));
        }
        String poison = "{\"type\": \"CommentReceived\", \"payload\": []}";
        // All under one record key: one partition, sent in one go so that the consumer polls them together.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "50",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            String topic = broker.topic(Topics.COMMENTS_RECEIVED);
            for (int i = 0; i < good.size(); i++) {
                if (i == 20) {
                    producer.send(new ProducerRecord<>(topic, batchKey, poison));
                }
                producer.send(new ProducerRecord<>(topic, batchKey, codec.encode(good.get(i))));
            }
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = probe.readAll(Topics.deadLetterOf(Topics.COMMENTS_RECEIVED))
                    .stream().filter(r -> batchKey.equals(r.key())).toList();
            assertThat(dead).singleElement().satisfies(record -> {
                assertThat(record.value()).isEqualTo(poison);
                assertThat(header(record, DeadLetterHeaders.REASON)).startsWith("invalid field 'payload'");
                assertThat(header(record, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(broker.topic(Topics.COMMENTS_RECEIVED));
                assertThat(header(record, DeadLetterHeaders.ORIGINAL_OFFSET)).matches("[0-9]+");
                assertThat(header(record, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
                assertThat(header(record, DeadLetterHeaders.FAILURE)).isEqualTo("poison");
            });
            Set<String> keys = probe.readAll(Topics.COMMENTS_CLASSIFIED).stream().map(ConsumerRecord::key)
                    .collect(Collectors.toSet());
            assertThat(keys).containsAll(good.stream().map(EventEnvelope::commentKey).toList());
        });
        // Offsets are committed once the outputs are acknowledged: the group catches up with the topic.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            String topic = broker.topic(Topics.COMMENTS_RECEIVED);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(broker.topicPrefix() + "classification-service")
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .filter(tp -> tp.topic().equals(topic))
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                assertThat(latest).isNotEmpty();
                admin.listOffsets(latest).all().get().forEach((tp, end) ->
                        assertThat(committed.get(tp).offset()).as("committed offset of %s", tp).isEqualTo(end.offset()));
            });
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
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
