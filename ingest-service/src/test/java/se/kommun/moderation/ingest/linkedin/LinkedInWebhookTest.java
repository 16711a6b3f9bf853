package se.kommun.moderation.ingest.linkedin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
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
class LinkedInWebhookTest {

    private static final String SECRET = "test-linkedin-client-secret";
    private static final String ORG = "2414183";

    KafkaBroker broker;

    @BeforeEach
    void account() {
        TestAccounts.ensureActive("linkedin", ORG, null);
    }

    private static String hexHmac(String secret, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message));
    }

    private static String notification(String id, String action, String activity, String text) {
        return """
                {"notificationId":"%s","organizationalEntity":"urn:li:organization:%s","action":"%s",
                 "sourcePost":"urn:li:share:7001","generatedActivity":"%s",
                 "decoratedGeneratedActivity":{"comment":{"text":"%s","actor":"urn:li:person:abc"}},
                 "lastModifiedAt":1718000000000}""".formatted(id, ORG, action, activity, text);
    }

    private List<CommentReceived> receivedFor(String activity) {
        try (TopicProbe probe = new TopicProbe(broker)) {
            return probe.readAll(Topics.COMMENTS_RECEIVED).stream()
                    .map(r -> EventCodec.instance().decode(r.value(), CommentReceived.class).payload())
                    .filter(c -> c.commentId().equals(activity)).toList();
        }
    }

    @Test
    void validationAnswersWithTheHexHmacOfTheChallenge() throws Exception {
        String code = "890e4665-4dfe-4ab1-b689-ed553bceeed1";
        given().queryParam("challengeCode", code).get("/webhooks/linkedin").then().statusCode(200)
                .contentType("application/json")
                .body("challengeCode", equalTo(code))
                .body("challengeResponse", equalTo(hexHmac(SECRET, code.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void commentEditAndDeleteBecomeEventsInBothSignatureReadingsAndARetryIsRecognised() throws Exception {
        String run = UUID.randomUUID().toString();
        String activity = "urn:li:comment:(urn:li:activity:7001," + run + ")";
        String json = "{\"type\":\"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS\",\"notifications\":["
                + notification(run + "-1", "COMMENT", activity, "Bra initiativ, kommunen!") + ","
                + notification(run + "-2", "LIKE", "urn:li:like:x", "") + "]}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        // Reading 1: the digest of "hmacsha256=" + body.
        byte[] prefixed = ("hmacsha256=" + json).getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("X-LI-Signature", hexHmac(SECRET, prefixed)).body(body)
                .post("/webhooks/linkedin").then().statusCode(200).body("published", equalTo(1)).body("skipped", equalTo(1));

        // The same notification again (LinkedIn retries for 8 hours): recognised, not published twice.
        given().contentType("application/json").header("X-LI-Signature", hexHmac(SECRET, prefixed)).body(body)
                .post("/webhooks/linkedin").then().statusCode(200).body("published", equalTo(0));

        // Reading 2: the header carries "hmacsha256=" + the digest of the body.
        String more = "{\"notifications\":[" + notification(run + "-3", "COMMENT_EDIT", activity, "Bra initiativ!") + ","
                + notification(run + "-4", "COMMENT_DELETE", activity, "") + "]}";
        byte[] moreBody = more.getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("X-LI-Signature", "hmacsha256=" + hexHmac(SECRET, moreBody))
                .body(moreBody).post("/webhooks/linkedin").then().statusCode(200).body("published", equalTo(2));

        List<CommentReceived> events = receivedFor(activity);
        assertThat(events).extracting(CommentReceived::verb)
                .containsExactly(Verb.ADDED, Verb.EDITED, Verb.REMOVED_BY_AUTHOR);
        assertThat(events.get(0).accountId()).isEqualTo(ORG);
        assertThat(events.get(0).text()).isEqualTo("Bra initiativ, kommunen!");
        assertThat(events.get(0).permalink()).startsWith("https://www.linkedin.com/feed/update/urn:li:share:7001/");
    }

    @Test
    void aWrongSignatureIs401() throws Exception {
        byte[] body = "{\"notifications\":[]}".getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("X-LI-Signature", hexHmac("wrong", body)).body(body)
                .post("/webhooks/linkedin").then().statusCode(401);
        given().contentType("application/json").body(body).post("/webhooks/linkedin").then().statusCode(401);
    }
}
