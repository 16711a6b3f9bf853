package se.kommun.moderation.ingest.x;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.ingest.support.TestAccounts;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TopicProbe;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "ingest"))
class XWebhookTest {

    private static final String SECRET = "test-x-consumer-secret";
    private static final String ACCOUNT = "3001";

    KafkaBroker broker;

    @BeforeEach
    void account() {
        TestAccounts.ensureActive("x", ACCOUNT, null);
    }

    /** Computed independently of the production code: javax.crypto directly. */
    private static String base64Hmac(String secret, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(message));
    }

    private List<CommentReceived> received() {
        try (TopicProbe probe = new TopicProbe(broker)) {
            return probe.readAll(Topics.COMMENTS_RECEIVED).stream()
                    .map(r -> EventCodec.instance().decode(r.value(), CommentReceived.class).payload()).toList();
        }
    }

    @Test
    void theCrcAnswerIsTheBase64HmacOfTheToken() throws Exception {
        given().queryParam("crc_token", "challenge-123").get("/webhooks/x").then().statusCode(200)
                .body("response_token", equalTo("sha256=" + base64Hmac(SECRET, "challenge-123".getBytes(StandardCharsets.UTF_8))));
        given().get("/webhooks/x").then().statusCode(400);
    }

    @Test
    void repliesAndMentionsBecomeCommentsOwnTweetsAndOtherEventsAreSkipped() throws Exception {
        String reply = UUID.randomUUID().toString().replace("-", "").substring(0, 18);
        String mention = reply + "1";
        String own = reply + "2";
        String unrelated = reply + "3";
        String json = """
                {"for_user_id":"%1$s","tweet_create_events":[
                {"id_str":"%2$s","created_at":"Wed Oct 10 20:19:24 +0000 2018","text":"@orebro kort text…",
                 "truncated":true,"extended_tweet":{"full_text":"@orebro Varför är gatlyktorna släckta på Ringgatan?"},
                 "in_reply_to_status_id_str":"999","in_reply_to_user_id_str":"%1$s",
                 "user":{"id_str":"77","name":"Eva Ek","screen_name":"evaek"}},
                {"id_str":"%3$s","timestamp_ms":"1539202764000","text":"Hej @orebro",
                 "entities":{"user_mentions":[{"id_str":"%1$s","screen_name":"orebro"}]},
                 "user":{"id_str":"78","name":"Olle","screen_name":"olle"}},
                {"id_str":"%4$s","text":"Vi svarar gärna!","in_reply_to_user_id_str":"77",
                 "user":{"id_str":"%1$s","screen_name":"orebro"}},
                {"id_str":"%5$s","text":"Något annat","user":{"id_str":"79","screen_name":"x"}}],
                "favorite_events":[{"id":"f1"}]}""".formatted(ACCOUNT, reply, mention, own, unrelated);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);

        given().contentType("application/json").header("x-twitter-webhooks-signature", "sha256=" + base64Hmac(SECRET, body))
                .body(body).post("/webhooks/x").then().statusCode(200)
                .body("published", equalTo(2)).body("skipped", equalTo(3));

        List<CommentReceived> comments = received();
        assertThat(comments).filteredOn(c -> c.commentId().equals(reply)).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("@orebro Varför är gatlyktorna släckta på Ringgatan?");
            assertThat(c.parentId()).isEqualTo("999");
            assertThat(c.permalink()).isEqualTo("https://x.com/evaek/status/" + reply);
            assertThat(c.createdAt()).hasToString("2018-10-10T20:19:24Z");
        });
        assertThat(comments).filteredOn(c -> c.commentId().equals(mention)).hasSize(1);
        assertThat(comments).noneMatch(c -> c.commentId().equals(own) || c.commentId().equals(unrelated));
    }

    @Test
    void aWrongSignatureIs401() throws Exception {
        byte[] body = "{\"for_user_id\":\"3001\",\"tweet_create_events\":[]}".getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").header("x-twitter-webhooks-signature", "sha256=" + base64Hmac("other", body))
                .body(body).post("/webhooks/x").then().statusCode(401);
        given().contentType("application/json").body(body).post("/webhooks/x").then().statusCode(401);
    }
}
