package se.kommun.moderation.ingest.meta.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.CommentQuarantined;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.ingest.support.TestAccounts;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TopicProbe;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "ingest"))
class MetaWebhookResourceTest {

    private static final String APP_SECRET = "test-meta-app-secret";
    private static final String PAGE = "page-1001";
    private static final String IG = "ig-2002";

    KafkaBroker broker;
    private TopicProbe probe;

    @BeforeEach
    void setUp() {
        probe = new TopicProbe(broker);
        TestAccounts.ensureActive("facebook", PAGE, null);
        TestAccounts.ensureActive("instagram", IG, null);
    }

    @AfterEach
    void tearDown() {
        probe.close();
    }

    private static String feed(String page, String commentId, String verb, String message) {
        return """
                {"object":"page","entry":[{"id":"%s","time":1678886400,"changes":[{"field":"feed","value":{
                "item":"comment","verb":"%s","comment_id":"%s","post_id":"%s_9","parent_id":"%s_9",
                "from":{"id":"u-1","name":"Anna"},"message":"%s","created_time":1678886390}},
                {"field":"feed","value":{"item":"reaction","verb":"add","post_id":"%s_9"}}]}]}"""
                .formatted(page, verb, commentId, page, page, message, page);
    }

    private static io.restassured.response.Response post(String secret, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return given().contentType("application/json").header("X-Hub-Signature-256", TestAccounts.sign(secret, body))
                .body(body).post("/webhooks/meta");
    }

    private List<EventEnvelope<CommentReceived>> received(String commentId) {
        return probe.readAll(Topics.COMMENTS_RECEIVED).stream()
                .map(r -> EventCodec.instance().decode(r.value(), CommentReceived.class))
                .filter(e -> e.payload().commentId().equals(commentId)).toList();
    }

    private List<CommentQuarantined> quarantinedContaining(String marker) {
        return probe.readAll(Topics.COMMENTS_QUARANTINED).stream()
                .map(r -> EventCodec.instance().decode(r.value(), CommentQuarantined.class).payload())
                .filter(q -> new String(Base64.getDecoder().decode(q.bodyBase64()), StandardCharsets.UTF_8)
                        .contains(marker)).toList();
    }

    @Test
    void theVerificationHandshakeEchoesTheChallengeOnlyForOurToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/meta")
                .then().statusCode(200).body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/meta").then().statusCode(403);
        given().queryParam("hub.mode", "unsubscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "1").get("/webhooks/meta").then().statusCode(403);
    }

    @Test
    void aSignedFeedBatchIsPublishedBeforeThe200AndARetryIsTheSameEvent() {
        String commentId = "9_" + UUID.randomUUID();
        String json = feed(PAGE, commentId, "add", "Varf\\u00f6r \\u00e4r biblioteket st\\u00e4ngt?");

        post(APP_SECRET, json).then().statusCode(200).body("published", equalTo(1)).body("skipped", equalTo(1));
        List<EventEnvelope<CommentReceived>> events = received(commentId);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.commentKey()).isEqualTo("facebook:" + PAGE + ":" + commentId);
            assertThat(e.payload().text()).isEqualTo("Varför är biblioteket stängt?");
            assertThat(e.payload().verb()).isEqualTo(Verb.ADDED);
        });

        post(APP_SECRET, json).then().statusCode(200);
        assertThat(received(commentId)).hasSize(2).extracting(EventEnvelope::eventId).containsOnly(events.get(0).eventId());
    }

    @Test
    void aBatchOfAThousandChangesIsPublishedWhole() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder changes = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            changes.append(i == 0 ? "" : ",").append("""
                    {"field":"feed","value":{"item":"comment","verb":"add","comment_id":"%s_%d","post_id":"%s_9",
                    "message":"nr %d","created_time":1678886390}}""".formatted(run, i, PAGE, i));
        }
        post(APP_SECRET, "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"changes\":[" + changes + "]}]}")
                .then().statusCode(200).body("published", equalTo(1000));
        assertThat(probe.readAll(Topics.COMMENTS_RECEIVED).stream().filter(r -> r.key().contains(":" + run + "_")))
                .hasSize(1000);
    }

    @Test
    void instagramCommentsArriveOnTheSameEndpoint() {
        String commentId = "ig-" + UUID.randomUUID();
        String json = """
                {"object":"instagram","entry":[{"id":"%s","time":1755779280,"field":"comments",
                "value":{"id":"%s","from":{"id":"igsid","username":"anna"},"text":"Hej!","media":{"id":"m1"}}}]}"""
                .formatted(IG, commentId);
        post(APP_SECRET, json).then().statusCode(200).body("published", equalTo(1));
        assertThat(received(commentId)).singleElement()
                .satisfies(e -> assertThat(e.commentKey()).isEqualTo("instagram:" + IG + ":" + commentId));
    }

    @Test
    void badSignaturesAre401AndNothingIsKept() {
        String commentId = "9_" + UUID.randomUUID();
        String json = feed(PAGE, commentId, "add", "Hej");
        post("not-the-app-secret", json).then().statusCode(401);
        given().contentType("application/json").body(json).post("/webhooks/meta").then().statusCode(401)
                .body("error", equalTo("missing X-Hub-Signature-256 header"));
        assertThat(received(commentId)).isEmpty();
        assertThat(quarantinedContaining(commentId)).isEmpty();
    }

    @Test
    void aDeliveryForAnUnknownPageIsQuarantinedAndRefused404() {
        String commentId = "9_" + UUID.randomUUID();
        post(APP_SECRET, feed("page-we-do-not-have", commentId, "add", "Hej")).then().statusCode(404);
        assertThat(received(commentId)).isEmpty();
        assertThat(quarantinedContaining(commentId)).singleElement()
                .satisfies(q -> assertThat(q.reason()).isEqualTo("unknown account"));
    }

    @Test
    void aSignedButUnreadableDeliveryIsQuarantinedAndAnswered2xx() {
        String marker = UUID.randomUUID().toString();
        post(APP_SECRET, "{\"object\":\"page\",\"entries\":\"" + marker + "\"}").then().statusCode(200)
                .body("quarantined", equalTo("expected an object with an 'entry' array"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(quarantinedContaining(marker)).hasSize(1));
        String commentId = "9_" + UUID.randomUUID();
        post(APP_SECRET, """
                {"object":"page","entry":[{"id":"%s","changes":[{"field":"feed","value":{"item":"comment",
                "verb":"add","message":"%s"}}]}]}""".formatted(PAGE, commentId)).then().statusCode(200)
                .body("quarantined", equalTo(1));
        assertThat(quarantinedContaining(commentId)).singleElement()
                .satisfies(q -> assertThat(q.reason()).contains("'comment_id' is missing"));
    }

    @Test
    void wrongContentTypeAndOversizedBodiesGetTheirStatus() {
        byte[] body = feed(PAGE, "9_x", "add", "Hej").getBytes(StandardCharsets.UTF_8);
        given().contentType("text/plain").header("X-Hub-Signature-256", TestAccounts.sign(APP_SECRET, body)).body(body)
                .post("/webhooks/meta").then().statusCode(415);
        byte[] big = ("{\"object\":\"page\",\"pad\":\"" + "x".repeat(1_100_000) + "\",\"entry\":[]}")
                .getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("X-Hub-Signature-256", TestAccounts.sign(APP_SECRET, big))
                .body(big).post("/webhooks/meta").then().statusCode(413);
    }
}
