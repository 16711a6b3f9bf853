package se.kommun.moderation.ingest.web.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.CommentQuarantined;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.ingest.signature.HmacSignatures;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.ingest.support.TestAccounts;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TopicProbe;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "ingest"))
class WebCommentResourceTest {

    private static final String SECRET = "test-secret-not-for-production";

    KafkaBroker broker;
    private TopicProbe probe;

    @BeforeEach
    void openProbeAndAccounts() {
        probe = new TopicProbe(broker);
        TestAccounts.ensureActive("web", "test-site", "test-site");
        TestAccounts.ensureActive("blog", "test-blog", "test-blog");
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    private static String sign(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(HmacSignatures.hmacSha256(secret, body));
    }

    private static String body(String id, String text) {
        return "{\"id\":\"" + id + "\",\"author\":\"Anna\",\"text\":\"" + text
                + "\",\"url\":\"https://www.orebro.se/blogg/1#" + id + "\",\"createdAt\":\"2026-11-29T10:00:00Z\"}";
    }

    private List<EventEnvelope<CommentReceived>> receivedFor(String commentId) {
        return probe.readAll(Topics.COMMENTS_RECEIVED).stream()
                .map(r -> EventCodec.instance().decode(r.value(), CommentReceived.class))
                .filter(e -> e.payload().commentId().equals(commentId))
                .toList();
    }

    @Test
    void aSignedCommentIsPublishedKeyedByCommentBeforeThe202() {
        String id = "c-" + UUID.randomUUID();
        byte[] raw = body(id, "Tack för snöröjningen \\u00e5\u00e4\u00f6 🙂").getBytes(StandardCharsets.UTF_8);

        String eventId = given().contentType("application/json; charset=UTF-8")
                .header("X-Signature-256", sign(SECRET, raw)).body(raw)
                .when().post("/webhooks/web/test-site")
                .then().statusCode(202).body("commentKey", equalTo("web:test-site:" + id))
                .extract().path("eventId");

        // The 202 is only sent after the broker's ack, so the record is readable at once.
        List<ConsumerRecord<String, String>> records = probe.readAll(Topics.COMMENTS_RECEIVED).stream()
                .filter(r -> r.key().equals("web:test-site:" + id)).toList();
        assertThat(records).hasSize(1);
        EventEnvelope<CommentReceived> event = EventCodec.instance().decode(records.get(0).value(), CommentReceived.class);
        assertThat(event.eventId()).hasToString(eventId);
        assertThat(event.producer()).isEqualTo("ingest-service");
        CommentReceived comment = event.payload();
        assertThat(comment.platform()).isEqualTo(Platform.WEB);
        assertThat(comment.text()).isEqualTo("Tack för snöröjningen åäö 🙂");
        assertThat(comment.author().displayName()).isEqualTo("Anna");
        assertThat(comment.permalink()).isEqualTo("https://www.orebro.se/blogg/1#" + id);
        assertThat(comment.verb()).isEqualTo(Verb.ADDED);
        assertThat(Base64.getDecoder().decode(comment.raw().fragmentBase64())).isEqualTo(raw);
        assertThat(comment.raw().bodySha256()).isEqualTo(HmacSignatures.sha256Hex(raw));
    }

    @Test
    void theSameDeliveryTwiceCarriesTheSameEventId() {
        String id = "c-" + UUID.randomUUID();
        byte[] raw = body(id, "Hej").getBytes(StandardCharsets.UTF_8);
        String first = given().contentType("application/json").header("X-Signature-256", sign(SECRET, raw)).body(raw)
                .post("/webhooks/web/test-site").then().statusCode(202).extract().path("eventId");
        String second = given().contentType("application/json").header("X-Signature-256", sign(SECRET, raw)).body(raw)
                .post("/webhooks/web/test-site").then().statusCode(202).extract().path("eventId");

        assertThat(second).isEqualTo(first);
        assertThat(receivedFor(id)).extracting(EventEnvelope::eventId).hasSize(2).allMatch(e -> e.toString().equals(first));
    }

    @Test
    void aBlogAccountPublishesAsBlog() {
        String id = "c-" + UUID.randomUUID();
        byte[] raw = body(id, "Fin text").getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("X-Signature-256", sign("another-test-secret", raw)).body(raw)
                .post("/webhooks/web/test-blog").then().statusCode(202)
                .body("commentKey", equalTo("blog:test-blog:" + id));
    }

    @Test
    void aWrongOrMissingSignatureIs401AndPublishesNothing() {
        String id = "c-" + UUID.randomUUID();
        byte[] raw = body(id, "Hej").getBytes(StandardCharsets.UTF_8);

        given().contentType("application/json").header("X-Signature-256", sign("wrong-secret", raw)).body(raw)
                .post("/webhooks/web/test-site").then().statusCode(401)
                .body("error", equalTo("X-Signature-256 does not match the body"));
        given().contentType("application/json").body(raw)
                .post("/webhooks/web/test-site").then().statusCode(401)
                .body("error", equalTo("missing X-Signature-256 header"));
        byte[] tampered = body(id, "Hej!").getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("X-Signature-256", sign(SECRET, raw)).body(tampered)
                .post("/webhooks/web/test-site").then().statusCode(401);

        assertThat(receivedFor(id)).isEmpty();
    }

    @Test
    void aSignedBodyThatIsNotACommentIsQuarantinedAndAnswered400() {
        String marker = UUID.randomUUID().toString();
        byte[] raw = ("{\"author\":\"" + marker + "\",\"text\":\"utan id\"}").getBytes(StandardCharsets.UTF_8);

        given().contentType("application/json").header("X-Signature-256", sign(SECRET, raw)).body(raw)
                .post("/webhooks/web/test-site").then().statusCode(400).body("error", equalTo("'id' is required"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<CommentQuarantined> quarantined = probe.readAll(Topics.COMMENTS_QUARANTINED).stream()
                    .map(r -> EventCodec.instance().decode(r.value(), CommentQuarantined.class).payload())
                    .filter(q -> new String(Base64.getDecoder().decode(q.bodyBase64()), StandardCharsets.UTF_8)
                            .contains(marker))
                    .toList();
            assertThat(quarantined).singleElement().satisfies(q -> {
                assertThat(q.reason()).isEqualTo("'id' is required");
                assertThat(q.accountId()).isEqualTo("test-site");
                assertThat(Base64.getDecoder().decode(q.bodyBase64())).isEqualTo(raw);
            });
        });
    }

    @Test
    void badRequestsGetAReason() {
        byte[] raw = body("c-1", "x").getBytes(StandardCharsets.UTF_8);
        given().contentType("text/plain").header("X-Signature-256", sign(SECRET, raw)).body(raw)
                .post("/webhooks/web/test-site").then().statusCode(415)
                .body("error", equalTo("Content-Type must be application/json"));
        given().contentType("application/json").header("X-Signature-256", sign(SECRET, raw)).body(raw)
                .post("/webhooks/web/no-such-account").then().statusCode(404)
                .body("error", startsWith("unknown account"));
        byte[] big = body("c-2", "x".repeat(300 * 1024)).getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("X-Signature-256", sign(SECRET, big)).body(big)
                .post("/webhooks/web/test-site").then().statusCode(413)
                .body("error", equalTo("body is larger than 262144 bytes"));
    }

    @Test
    void anInactiveAccountIsRefused403AndTheSignedPostQuarantined() {
        TestAccounts.ensureDraft("web", "draft-site", "test-site");
        String id = "c-" + UUID.randomUUID();
        byte[] raw = body(id, "Hej").getBytes(StandardCharsets.UTF_8);

        given().contentType("application/json").header("X-Signature-256", sign(SECRET, raw)).body(raw)
                .post("/webhooks/web/draft-site").then().statusCode(403);

        assertThat(receivedFor(id)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(probe.readAll(Topics.COMMENTS_QUARANTINED).stream()
                        .map(r -> EventCodec.instance().decode(r.value(), CommentQuarantined.class).payload())
                        .filter(q -> new String(Base64.getDecoder().decode(q.bodyBase64()), StandardCharsets.UTF_8)
                                .contains(id)))
                        .singleElement().satisfies(q -> assertThat(q.reason()).isEqualTo("account is DRAFT")));
    }

    @Test
    void operationalEndpointsAnswer() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
