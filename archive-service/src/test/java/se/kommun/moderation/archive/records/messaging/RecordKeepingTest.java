package se.kommun.moderation.archive.records.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
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
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TestDatabase;
import se.kommun.moderation.testkit.TopicProbe;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "archive"))
class RecordKeepingTest {

    private static final String ARCHIVIST = "archivist";
    private static final String PASSWORD = "test-archivist-password";

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

    static EventEnvelope<CommentReceived> received(String commentId, String text, Verb verb) {
        byte[] raw = ("{\"id\":\"" + commentId + "\",\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
        String sha = RawIntegrity.sha256Hex(raw);
        CommentReceived payload = new CommentReceived(Platform.WEB, "site", commentId, null, null,
                new Author(null, "Anna"), text, List.of(), "https://www.orebro.se/x#" + commentId,
                null, Instant.parse("2026-11-29T10:00:00Z"), verb, "web:site:" + commentId + ":" + sha,
                new RawPayload(sha, "application/json", raw, sha));
        return EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), payload.commentKey().toString(), "test", payload);
    }

    private void publish(EventEnvelope<CommentReceived> event) {
        probe.send(Topics.COMMENTS_RECEIVED, event.commentKey(), codec.encode(event));
    }

    private JsonPath record(String commentKey) {
        return given().auth().preemptive().basic(ARCHIVIST, PASSWORD).get("/records/{key}", commentKey)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void keepsEveryVersionAsReceivedAndDuplicatesOnce() {
        String id = "c-" + UUID.randomUUID();
        EventEnvelope<CommentReceived> first = received(id, "Hej", Verb.ADDED);
        EventEnvelope<CommentReceived> edit = received(id, "Hej igen", Verb.EDITED);
        EventEnvelope<CommentReceived> removal = received(id, "", Verb.REMOVED_BY_AUTHOR);
        publish(first);
        publish(first);
        publish(edit);
        publish(removal);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().preemptive().basic(ARCHIVIST, PASSWORD).get("/records/{key}", first.commentKey())
                        .then().statusCode(200).body("versions.size()", equalTo(3)));
        JsonPath record = record(first.commentKey());
        assertThat(record.getList("versions.verb")).containsExactly("ADDED", "EDITED", "REMOVED_BY_AUTHOR");
        assertThat(record.getList("versions.version")).containsExactly(1, 2, 3);
        // The author's removal is recorded; our copy of what they wrote stays.
        assertThat(record.getList("versions.text")).containsExactly("Hej", "Hej igen", "");
        byte[] raw = Base64.getDecoder().decode(record.getString("versions[0].rawFragmentBase64"));
        assertThat(RawIntegrity.sha256Hex(raw)).isEqualTo(record.getString("versions[0].rawFragmentSha256"));
        assertThat(new String(raw, StandardCharsets.UTF_8)).contains("\"text\":\"Hej\"");
    }

    @Test
    void theDatabaseRefusesToRewriteARecord() throws SQLException {
        EventEnvelope<CommentReceived> event = received("c-" + UUID.randomUUID(), "Original", Verb.ADDED);
        publish(event);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().preemptive().basic(ARCHIVIST, PASSWORD).get("/records/{key}", event.commentKey())
                        .then().statusCode(200));

        try (Connection c = database.connect()) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "UPDATE record_version SET text = 'ändrad' WHERE comment_key = '" + event.commentKey() + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "DELETE FROM record_version WHERE comment_key = '" + event.commentKey() + "'"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void aFragmentThatDoesNotMatchItsHashIsDeadLetteredNotStored() {
        EventEnvelope<CommentReceived> good = received("c-" + UUID.randomUUID(), "Hej", Verb.ADDED);
        CommentReceived p = good.payload();
        CommentReceived tampered = new CommentReceived(p.platform(), p.accountId(), p.commentId(), null, null,
                p.author(), p.text(), p.mediaRefs(), p.permalink(), p.createdAt(), p.receivedAt(), p.verb(),
                p.idempotencyKey(), new RawPayload(p.raw().bodySha256(), p.raw().contentType(),
                        "{\"other\":1}".getBytes(StandardCharsets.UTF_8),
                        p.raw().fragmentSha256()));
        EventEnvelope<CommentReceived> bad = EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), good.commentKey(),
                "test", tampered);
        publish(bad);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(probe.readAll(Topics.deadLetterOf(Topics.COMMENTS_RECEIVED)))
                        .anySatisfy(r -> assertThat(r.key()).isEqualTo(good.commentKey())));
        given().auth().preemptive().basic(ARCHIVIST, PASSWORD).get("/records/{key}", good.commentKey())
                .then().statusCode(404);
    }

    @Test
    void recordsRequireARole() {
        given().get("/records/web:site:x").then().statusCode(401);
        given().auth().preemptive().basic("citizen", "test-citizen-password").get("/records/web:site:x")
                .then().statusCode(403);
        given().auth().preemptive().basic(ARCHIVIST, PASSWORD).get("/records/web:site:nothing-here")
                .then().statusCode(404);
    }
}
