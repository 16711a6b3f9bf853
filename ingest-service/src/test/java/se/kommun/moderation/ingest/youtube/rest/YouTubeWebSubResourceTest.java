package se.kommun.moderation.ingest.youtube.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.ingest.youtube.support.FakeYouTubeApiResource;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;

/** WebSub intent verification and notifications, against the same fake API as the poller test. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "ingest"))
@WithTestResource(FakeYouTubeApiResource.class)
class YouTubeWebSubResourceTest {

    private static final String PATH = "/webhooks/youtube/websub";
    private static final String THREADS = FakeYouTubeApiResource.BASE_PATH + "/commentThreads";

    WireMockServer youtube;

    @Inject
    MeterRegistry meters;

    private static String notification(String channel) {
        return """
                <?xml version='1.0' encoding='UTF-8'?>
                <feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns="http://www.w3.org/2005/Atom">
                  <link rel="hub" href="https://pubsubhubbub.appspot.com"/>
                  <link rel="self" href="https://www.youtube.com/xml/feeds/videos.xml?channel_id=%1$s"/>
                  <title>YouTube video feed</title>
                  <updated>2026-11-29T19:05:24.552394234+00:00</updated>
                  <entry>
                    <id>yt:video:VIDEO_ID</id>
                    <yt:videoId>VIDEO_ID</yt:videoId>
                    <yt:channelId>%1$s</yt:channelId>
                    <title>Kommunfullmäktige 29 november</title>
                    <link rel="alternate" href="http://www.youtube.com/watch?v=VIDEO_ID"/>
                    <author><name>Kommunen</name><uri>http://www.youtube.com/channel/%1$s</uri></author>
                    <published>2026-11-29T18:40:57+00:00</published>
                    <updated>2026-11-29T19:05:24.552394234+00:00</updated>
                  </entry>
                </feed>
                """.formatted(channel);
    }

    /** HMAC-SHA1 computed here with the JDK, independently of the code under test. */
    private static String sign(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(FakeYouTubeApiResource.WEBSUB_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return "sha1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static RequestPatternBuilder pollOf(String channel) {
        return getRequestedFor(urlPathEqualTo(THREADS)).withQueryParam("allThreadsRelatedToChannelId", equalTo(channel));
    }

    private double dropped(String outcome) {
        Counter counter = meters.find(YouTubeWebSubResource.METRIC).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void intentVerificationEchoesTheChallengeForOurChannelsFeed() {
        given().queryParam("hub.mode", "subscribe")
                .queryParam("hub.topic", "https://www.youtube.com/xml/feeds/videos.xml?channel_id=UChook")
                .queryParam("hub.challenge", "c-8d1e1f6a")
                .queryParam("hub.lease_seconds", "432000")
                .when().get(PATH)
                .then().statusCode(200).contentType(startsWith("text/plain")).body(is("c-8d1e1f6a"));
    }

    @Test
    void aChallengeThatIsNotAnOpaqueTokenIsNotEchoed() {
        given().queryParam("hub.mode", "subscribe")
                .queryParam("hub.topic", "https://www.youtube.com/xml/feeds/videos.xml?channel_id=UChook")
                .queryParam("hub.challenge", "<html><script>alert(1)</script>")
                .when().get(PATH).then().statusCode(400);
    }

    @Test
    void intentVerificationForAnyOtherTopicIsRefused() {
        given().queryParam("hub.mode", "subscribe")
                .queryParam("hub.topic", "https://www.youtube.com/xml/feeds/videos.xml?channel_id=UCsomeoneelse")
                .queryParam("hub.challenge", "c-1")
                .when().get(PATH).then().statusCode(404);
        given().queryParam("hub.mode", "subscribe").queryParam("hub.topic", "https://evil.example/feed?channel_id=UChook")
                .queryParam("hub.challenge", "c-2")
                .when().get(PATH).then().statusCode(404);
    }

    @Test
    void aValidlySignedNotificationTriggersAnEarlyPollOfThatChannel() throws Exception {
        byte[] body = notification("UChook").getBytes(StandardCharsets.UTF_8);

        given().contentType("application/atom+xml").header("X-Hub-Signature", sign(body)).body(body)
                .when().post(PATH).then().statusCode(202);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> youtube.verify(pollOf("UChook")));
    }

    @Test
    void aBadOrMissingSignatureIsAnswered2xxAndDroppedWithoutAPoll() throws Exception {
        byte[] body = notification("UCsilent").getBytes(StandardCharsets.UTF_8);
        double badBefore = dropped("bad-signature");
        double missingBefore = dropped("missing-signature");

        given().contentType("application/atom+xml").header("X-Hub-Signature", "sha1=" + "0".repeat(40)).body(body)
                .when().post(PATH).then().statusCode(202);
        given().contentType("application/atom+xml").body(body)
                .when().post(PATH).then().statusCode(202);

        assertThat(dropped("bad-signature")).isEqualTo(badBefore + 1);
        assertThat(dropped("missing-signature")).isEqualTo(missingBefore + 1);
        // Early polls run one at a time in the order asked for: once a later, valid notification's poll
        // has reached the API, a poll the dropped ones had caused would have reached it before.
        byte[] valid = notification("UCother").getBytes(StandardCharsets.UTF_8);
        given().contentType("application/atom+xml").header("X-Hub-Signature", sign(valid)).body(valid)
                .when().post(PATH).then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> youtube.verify(pollOf("UCother")));
        youtube.verify(0, pollOf("UCsilent"));
    }
}
