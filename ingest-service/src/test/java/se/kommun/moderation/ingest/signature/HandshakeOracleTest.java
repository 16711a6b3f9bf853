package se.kommun.moderation.ingest.signature;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.ingest.support.TestAccounts;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TopicProbe;

/**
 * A stranger who can reach the handshake endpoints tries to have them sign a delivery of the
 * stranger's choosing, then posts it. Every such delivery must be refused (401) and reach no topic.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "ingest"))
class HandshakeOracleTest {

    private static final String X_ACCOUNT = "3001";
    private static final String LINKEDIN_ORG = "2414183";

    KafkaBroker broker;

    @BeforeEach
    void accounts() {
        TestAccounts.ensureActive("x", X_ACCOUNT, null);
        TestAccounts.ensureActive("linkedin", LINKEDIN_ORG, null);
    }

    private static String marker() {
        return "forged-" + UUID.randomUUID();
    }

    private void assertNothingPublishedWith(String marker) {
        try (TopicProbe probe = new TopicProbe(broker)) {
            assertThat(probe.readAll(Topics.COMMENTS_RECEIVED)).noneMatch(r -> r.value().contains(marker));
            assertThat(probe.readAll(Topics.COMMENTS_QUARANTINED)).noneMatch(r -> r.value().contains(marker));
        }
    }

    private static String xDelivery(String marker) {
        return """
                {"for_user_id":"%s","tweet_create_events":[{"id_str":"%s","text":"@orebro %s",
                 "in_reply_to_user_id_str":"%s","user":{"id_str":"66","screen_name":"stranger"}}]}"""
                .formatted(X_ACCOUNT, marker.hashCode() & 0x7fffffff, marker, X_ACCOUNT);
    }

    private static String linkedInDelivery(String marker) {
        return """
                {"type":"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS","notifications":[{"notificationId":"%1$s",
                 "organizationalEntity":"urn:li:organization:%2$s","action":"COMMENT","sourcePost":"urn:li:share:1",
                 "generatedActivity":"urn:li:comment:(urn:li:activity:1,%1$s)",
                 "decoratedGeneratedActivity":{"comment":{"text":"%1$s","actor":"urn:li:person:x"}},
                 "lastModifiedAt":1718000000000}]}""".formatted(marker, LINKEDIN_ORG);
    }

    /** What the handshake answered for the stranger's token, or null when it refused. */
    private static String crcAnswer(String token) {
        Response answer = given().queryParam("crc_token", token).get("/webhooks/x");
        return answer.statusCode() == 200 ? answer.jsonPath().getString("response_token") : null;
    }

    private static String linkedInAnswer(String code) {
        Response answer = given().queryParam("challengeCode", code).get("/webhooks/linkedin");
        return answer.statusCode() == 200 ? answer.jsonPath().getString("challengeResponse") : null;
    }

    @Test
    void aDeliveryForgedThroughTheXCrcIsRefused() {
        String marker = marker();
        String body = xDelivery(marker);
        assertThat(crcAnswer(body)).as("the CRC does not answer for a JSON body").isNull();
        given().queryParam("crc_token", body).get("/webhooks/x").then().statusCode(400);

        String stolen = crcAnswer(body);
        given().contentType("application/json").header("x-twitter-webhooks-signature", String.valueOf(stolen))
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/webhooks/x").then().statusCode(401);
        assertNothingPublishedWith(marker);
    }

    @Test
    void aTokenShapedBodySignedByTheCrcIsNotADelivery() {
        // A CRC-shaped token is answered, so its answer must not sign the same bytes as a delivery.
        String token = "MTIzNDU2Nzg5MA" + UUID.randomUUID().toString().replace("-", "");
        String stolen = crcAnswer(token);
        assertThat(stolen).startsWith("sha256=");
        given().contentType("application/json").header("x-twitter-webhooks-signature", stolen)
                .body(token.getBytes(StandardCharsets.UTF_8)).post("/webhooks/x").then().statusCode(401);
        assertNothingPublishedWith(token);
    }

    @Test
    void crcTokensOfOtherShapesAreRefused() {
        for (String token : new String[] {"with space", "quote\"d", "{", "x".repeat(256), "tab\there"}) {
            given().queryParam("crc_token", token).get("/webhooks/x").then().statusCode(400);
        }
        given().queryParam("crc_token", "dGVzdC10b2tlbg==").get("/webhooks/x").then().statusCode(200);
    }

    @Test
    void aDeliveryForgedThroughLinkedInValidationIsRefusedInBothReadings() {
        String marker = marker();
        String body = linkedInDelivery(marker);
        // Reading 2 (header "hmacsha256=" + digest of the body) would need the body as challengeCode.
        String asIs = linkedInAnswer(body);
        // Reading 1 (digest of "hmacsha256=" + body) would need that string as challengeCode.
        String prefixed = linkedInAnswer("hmacsha256=" + body);
        assertThat(asIs).isNull();
        assertThat(prefixed).isNull();

        given().contentType("application/json").header("X-LI-Signature", "hmacsha256=" + asIs)
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/webhooks/linkedin").then().statusCode(401);
        given().contentType("application/json").header("X-LI-Signature", String.valueOf(prefixed))
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/webhooks/linkedin").then().statusCode(401);
        assertNothingPublishedWith(marker);
    }

    @Test
    void aUuidBodySignedByLinkedInValidationIsNotADelivery() {
        String code = UUID.randomUUID().toString();
        String stolen = linkedInAnswer(code);
        assertThat(stolen).hasSize(64);
        given().contentType("application/json").header("X-LI-Signature", "hmacsha256=" + stolen)
                .body(code.getBytes(StandardCharsets.UTF_8)).post("/webhooks/linkedin").then().statusCode(401);
        given().contentType("application/json").header("X-LI-Signature", stolen)
                .body(code.getBytes(StandardCharsets.UTF_8)).post("/webhooks/linkedin").then().statusCode(401);
        assertNothingPublishedWith(code);
    }

    @Test
    void linkedInChallengeCodesMustBeUuids() {
        given().queryParam("challengeCode", "not-a-uuid").get("/webhooks/linkedin").then().statusCode(400);
        given().queryParam("challengeCode", "890e4665-4dfe-1ab1-b689-ed553bceeed1").get("/webhooks/linkedin").then()
                .statusCode(400);
    }

    @Test
    void aBareDigestOfTheBodyIsNoLinkedInSignature() throws Exception {
        // Neither documented reading: the header carries only the digest of the body itself.
        String marker = marker();
        byte[] body = linkedInDelivery(marker).getBytes(StandardCharsets.UTF_8);
        String bare = java.util.HexFormat.of().formatHex(HmacSignatures.hmacSha256("test-linkedin-client-secret", body));
        given().contentType("application/json").header("X-LI-Signature", bare).body(body).post("/webhooks/linkedin")
                .then().statusCode(401);
        assertNothingPublishedWith(marker);
    }

    @Test
    void metaEchoesOnlyChallengesOfItsShape() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/meta").then().statusCode(200)
                .contentType("text/plain");
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "<script>alert(1)</script>").get("/webhooks/meta").then().statusCode(400);
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "wrong")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/meta").then().statusCode(403);
    }
}
