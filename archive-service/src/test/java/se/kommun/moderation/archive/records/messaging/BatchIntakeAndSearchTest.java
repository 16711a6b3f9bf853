package se.kommun.moderation.archive.records.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.archive.records.domain.RawIntegrity;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.RawPayload;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.messaging.deadletter.DeadLetterHeaders;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TestDatabase;
import se.kommun.moderation.testkit.TopicProbe;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "archive"))
class BatchIntakeAndSearchTest {

    private final EventCodec codec = EventCodec.instance();
    KafkaBroker broker;
    TestDatabase database;
    private TopicProbe probe;

    @BeforeEach
    void openProbe() {
        probe = new TopicProbe(broker);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    static EventEnvelope<CommentReceived> received(String account, String commentId, String text, Verb verb) {
        byte[] raw = ("{\"id\":\"" + commentId + "\",\"n\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        String sha = RawIntegrity.sha256Hex(raw);
        CommentReceived payload = new CommentReceived(Platform.WEB, account, commentId, null, null,
                new Author("u-1", "Anna"), text, List.of(), "https://www.orebro.se/x#" + commentId, null,
                Instant.now(), verb, "web:" + account + ":" + commentId + ":" + sha,
                new RawPayload(sha, "application/json", raw, sha));
        return EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), payload.commentKey().toString(), "test", payload);
    }

    /** The raw bytes no longer match the hash they came with: nothing the archive could keep as proof. */
    static EventEnvelope<CommentReceived> tampered(EventEnvelope<CommentReceived> event) {
        CommentReceived c = event.payload();
        byte[] other = "{\"id\":\"someone else's\"}".getBytes(StandardCharsets.UTF_8);
        CommentReceived payload = new CommentReceived(c.platform(), c.accountId(), c.commentId(), c.postId(),
                c.parentId(), c.author(), c.text(), c.mediaRefs(), c.permalink(), c.createdAt(), c.receivedAt(), c.verb(),
                c.idempotencyKey(), new RawPayload(c.raw().bodySha256(), c.raw().contentType(), other,
                        c.raw().fragmentSha256()));
        return EventEnvelope.wrap(event.eventId(), event.occurredAt(), event.commentKey(), event.producer(), payload);
    }

    @Test
    void aCommentHoldingANulCharacterIsKeptWithItsRawBytes() {
        String account = "nul-" + UUID.randomUUID().toString().substring(0, 8);
        String commentId = "n";
        byte[] raw = ("{\"id\":\"" + commentId + "\",\"text\":\"Noll\\u0000tecken\"}").getBytes(StandardCharsets.UTF_8);
        String sha = RawIntegrity.sha256Hex(raw);
        CommentReceived payload = new CommentReceived(Platform.WEB, account, commentId, null, null,
                new Author("u-\u0000", "An\u0000na"), "Noll\u0000tecken", List.of(), "https://www.orebro.se/x", null,
                Instant.now(), Verb.ADDED, "web:" + account + ":" + commentId, new RawPayload(sha, "application/json", raw, sha));
        EventEnvelope<CommentReceived> event = EventEnvelope.wrap(UUID.randomUUID(), Instant.now(),
                payload.commentKey().toString(), "test", payload);
        publish(event);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("archivist").get("/records/{key}", event.commentKey())
                .then().statusCode(200).body("versions.size()", equalTo(1))
                .body("versions[0].text", equalTo("Noll\uFFFDtecken"))
                .body("versions[0].authorName", equalTo("An\uFFFDna")));
        String fragment = as("archivist").get("/records/{key}", event.commentKey()).then().extract()
                .path("versions[0].rawFragmentBase64");
        assertThat(new String(Base64.getDecoder().decode(fragment), StandardCharsets.UTF_8))
                .contains("Noll\\u0000tecken");
        assertThat(probe.readAll(Topics.deadLetterOf(Topics.COMMENTS_RECEIVED)))
                .noneMatch(r -> event.commentKey().equals(r.key()));
    }

    private void publish(EventEnvelope<CommentReceived> event) {
        probe.send(Topics.COMMENTS_RECEIVED, event.commentKey(), codec.encode(event));
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "test-" + user + "-password");
    }

    @Test
    void aPoisonRecordInABatchIsDeadLetteredWithItsReasonAndTheRestIsKept() {
        String account = "batch-" + UUID.randomUUID().toString().substring(0, 8);
        List<EventEnvelope<CommentReceived>> good = List.of(received(account, "a", "Första", Verb.ADDED),
                received(account, "b", "Andra", Verb.ADDED), received(account, "c", "Tredje", Verb.ADDED));
        EventEnvelope<CommentReceived> poison = tampered(received(account, "p", "Förfalskad", Verb.ADDED));
        publish(good.get(0));
        publish(poison);
        publish(good.get(1));
        publish(good.get(0)); // a redelivery: stored once
        publish(good.get(2));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dlq = probe.readAll(Topics.deadLetterOf(Topics.COMMENTS_RECEIVED));
            // An assertion, not orElseThrow: untilAsserted retries only on assertion errors.
            assertThat(dlq).anyMatch(r -> poison.commentKey().equals(r.key()));
            ConsumerRecord<String, String> dead = dlq.stream().filter(r -> poison.commentKey().equals(r.key()))
                    .findFirst().orElseThrow();
            String reason = new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8);
            assertThat(reason).contains("SHA-256").doesNotContain("Förfalskad");
            assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.ORIGINAL_TOPIC).value(),
                    StandardCharsets.UTF_8)).isEqualTo(broker.topic(Topics.COMMENTS_RECEIVED));
            assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET).value(),
                    StandardCharsets.UTF_8)).matches("[0-9]+");
            assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.ATTEMPTS).value(),
                    StandardCharsets.UTF_8)).isEqualTo("1");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("archivist").queryParam("account", account).get("/records")
                        .then().statusCode(200).body("total", equalTo(3)));
        for (EventEnvelope<CommentReceived> event : good) {
            as("archivist").get("/records/{key}", event.commentKey()).then().statusCode(200).body("versions.size()", equalTo(1));
        }
        as("archivist").get("/records/{key}", poison.commentKey()).then().statusCode(404);
    }

    @Test
    void aRemovalByTheAuthorIsAVersionAndTheCopyStays() {
        String account = "removal-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope<CommentReceived> added = received(account, "r", "Jag skriver något", Verb.ADDED);
        publish(added);
        publish(received(account, "r", "", Verb.REMOVED_BY_AUTHOR));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("moderator").get("/records/{key}", added.commentKey()).then().statusCode(200)
                        .body("versions.verb", equalTo(List.of("ADDED", "REMOVED_BY_AUTHOR")))
                        .body("versions[0].text", equalTo("Jag skriver något")));
    }

    @Test
    void searchesByAccountPlatformTimeRouteAndTextWithPaging() throws Exception {
        String account = "search-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope<CommentReceived> parking = received(account, "s1", "Parkeringen vid skolan är farlig för barnen", Verb.ADDED);
        EventEnvelope<CommentReceived> thanks = received(account, "s2", "Tack för en fin konsert!", Verb.ADDED);
        EventEnvelope<CommentReceived> parked = received(account, "s3", "Var kan jag parkera bilen?", Verb.ADDED);
        publish(parking);
        publish(thanks);
        publish(parked);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("registrar").queryParam("account", account).get("/records").then().statusCode(200).body("total", equalTo(3)));
        try (Connection c = database.connect();
                PreparedStatement s = c.prepareStatement("INSERT INTO record_classification (comment_key, source_event_id,"
                        + " event_id, route, subtype, confidence, review_required, rule_set_version, classified_at)"
                        + " VALUES (?, ?, ?, ?, NULL, 0.9, false, 'test', now())")) {
            for (var pair : List.of(List.of(parking.commentKey(), "COMPLAINT"), List.of(thanks.commentKey(), "TRIVIAL"))) {
                s.setString(1, pair.get(0));
                s.setObject(2, UUID.randomUUID());
                s.setObject(3, UUID.randomUUID());
                s.setString(4, pair.get(1));
                s.executeUpdate();
            }
        }

        JsonPath text = as("moderator").queryParam("account", account).queryParam("q", "parkering")
                .get("/records").then().statusCode(200).extract().jsonPath();
        // Swedish stemming: "parkering" finds "Parkeringen"; "parkera" is another word.
        assertThat(text.getList("hits.commentKey")).containsExactly(parking.commentKey());
        assertThat(as("moderator").queryParam("account", account).queryParam("route", "trivial").get("/records")
                .then().statusCode(200).extract().jsonPath().getList("hits.commentKey")).containsExactly(thanks.commentKey());
        assertThat(as("moderator").queryParam("account", account).queryParam("route", "UNCLASSIFIED").get("/records")
                .then().statusCode(200).extract().jsonPath().getList("hits.commentKey")).containsExactly(parked.commentKey());
        JsonPath page1 = as("moderator").queryParam("account", account).queryParam("platform", "web")
                .queryParam("from", Instant.now().minusSeconds(3600).toString()).queryParam("size", 2).queryParam("page", 1)
                .get("/records").then().statusCode(200).extract().jsonPath();
        assertThat(page1.getLong("total")).isEqualTo(3);
        assertThat(page1.getList("hits")).hasSize(1);
        as("moderator").queryParam("account", account).queryParam("to", "2020-01-01").get("/records")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badParametersAre400WithAReason() {
        as("archivist").queryParam("size", "0").get("/records").then().statusCode(400).body("error", containsString("size"));
        as("archivist").queryParam("platform", "myspace").get("/records").then().statusCode(400).body("error", containsString("platform"));
        as("archivist").queryParam("route", "SPAM").get("/records").then().statusCode(400).body("error", containsString("route"));
        as("archivist").queryParam("from", "igår").get("/records").then().statusCode(400).body("error", containsString("from"));
        as("archivist").queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").get("/records")
                .then().statusCode(400).body("error", containsString("before"));
        as("archivist").queryParam("q", "x".repeat(201)).get("/records").then().statusCode(400).body("error", containsString("q"));
        given().get("/records").then().statusCode(401);
        as("citizen").get("/records").then().statusCode(403);
    }

    @Test
    void exportsOneRecordWithEveryVersionHashesRawBytesAndItsLogEntries() {
        String account = "export-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope<CommentReceived> first = received(account, "e", "Hej", Verb.ADDED);
        publish(first);
        publish(received(account, "e", "Hej igen", Verb.EDITED));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("archivist").get("/records/{key}", first.commentKey()).then().statusCode(200).body("versions.size()", equalTo(2)));
        JsonPath export = as("registrar").get("/records/{key}/export", first.commentKey()).then().statusCode(200)
                .header("Content-Disposition", containsString("attachment")).extract().jsonPath();
        assertThat(export.getList("versions.text")).containsExactly("Hej", "Hej igen");
        byte[] raw = Base64.getDecoder().decode(export.getString("versions[1].rawFragmentBase64"));
        assertThat(RawIntegrity.sha256Hex(raw)).isEqualTo(export.getString("versions[1].rawFragmentSha256"));
        assertThat(export.getList("integrityLog")).hasSize(2);
        assertThat(export.getString("integrityLog[1].prevHash")).isNotBlank();
    }
}
