package se.kommun.moderation.ingest.meta.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.lessThan;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.ingest.meta.support.FakeGraphApiResource;
import se.kommun.moderation.ingest.support.TestAccounts;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TopicProbe;

/**
 * Instagram comments get their media's permalink from a fake Graph API (WireMock) before they are
 * published; a failed or slow look-up leaves it null and the delivery is still answered 200.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "ingest"))
@WithTestResource(FakeGraphApiResource.class)
class InstagramPermalinkQuarkusTest {

    private static final String APP_SECRET = "test-meta-app-secret";
    private static final String IG = FakeGraphApiResource.IG_ACCOUNT;

    KafkaBroker broker;
    WireMockServer graph;
    private TopicProbe probe;

    @BeforeEach
    void setUp() {
        probe = new TopicProbe(broker);
        TestAccounts.ensureActive("instagram", IG, null);
    }

    @AfterEach
    void tearDown() {
        probe.close();
    }

    private static String media(String id) {
        return FakeGraphApiResource.GRAPH + "/" + id;
    }

    private static String comments(String mediaId, String... commentIds) {
        StringBuilder entries = new StringBuilder();
        for (String commentId : commentIds) {
            entries.append(entries.isEmpty() ? "" : ",").append("""
                    {"id":"%s","time":1755779280,"field":"comments","value":{"id":"%s",
                    "from":{"id":"igsid","username":"anna"},"text":"Hej!","media":{"id":"%s","media_product_type":"FEED"}}}"""
                    .formatted(IG, commentId, mediaId));
        }
        return "{\"object\":\"instagram\",\"entry\":[" + entries + "]}";
    }

    private static io.restassured.response.Response post(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return given().contentType("application/json")
                .header("X-Hub-Signature-256", TestAccounts.sign(APP_SECRET, body)).body(body).post("/webhooks/meta");
    }

    private CommentReceived received(String commentId) {
        List<CommentReceived> found = probe.readAll(Topics.COMMENTS_RECEIVED).stream()
                .map(r -> EventCodec.instance().decode(r.value(), CommentReceived.class).payload())
                .filter(c -> c.commentId().equals(commentId)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String id() {
        return "ig-" + UUID.randomUUID();
    }

    @Test
    void theMediaPermalinkIsLookedUpOnceAndCachedForEveryCommentOnIt() {
        String mediaId = "1790000000000001";
        String permalink = "https://www.instagram.com/p/DAbc123xyz/";
        graph.stubFor(get(urlPathEqualTo(media(mediaId))).withQueryParam("fields", equalTo("permalink"))
                .withHeader("Authorization", equalTo("Bearer " + FakeGraphApiResource.IG_TOKEN))
                .willReturn(okJson("{\"permalink\":\"" + permalink + "\",\"id\":\"" + mediaId + "\"}")));
        String first = id();
        String second = id();
        String later = id();

        post(comments(mediaId, first, second)).then().statusCode(200);
        post(comments(mediaId, later)).then().statusCode(200);

        assertThat(List.of(received(first), received(second), received(later)))
                .extracting(CommentReceived::permalink).containsOnly(permalink);
        graph.verify(1, getRequestedFor(urlPathEqualTo(media(mediaId))));
    }

    @Test
    void aFailedLookUpPublishesWithoutPermalinkAndIsNotCached() {
        String mediaId = "1790000000000002";
        graph.stubFor(get(urlPathEqualTo(media(mediaId))).willReturn(aResponse().withStatus(500)));
        String failed = id();

        post(comments(mediaId, failed)).then().statusCode(200);
        assertThat(received(failed).permalink()).isNull();

        graph.stubFor(get(urlPathEqualTo(media(mediaId))).atPriority(1)
                .willReturn(okJson("{\"permalink\":\"https://www.instagram.com/p/DRetry/\"}")));
        String retried = id();
        post(comments(mediaId, retried)).then().statusCode(200);
        assertThat(received(retried).permalink()).isEqualTo("https://www.instagram.com/p/DRetry/");
        graph.verify(2, getRequestedFor(urlPathEqualTo(media(mediaId))));
    }

    @Test
    void aSlowGraphApiHoldsTheDeliveryNoLongerThanTheTimeout() {
        String mediaId = "1790000000000003";
        graph.stubFor(get(urlPathEqualTo(media(mediaId))).willReturn(
                okJson("{\"permalink\":\"https://www.instagram.com/p/DSlow/\"}").withFixedDelay(8000)));
        String slow = id();

        post(comments(mediaId, slow)).then().statusCode(200).time(lessThan(6000L),
                TimeUnit.MILLISECONDS);
        assertThat(received(slow).permalink()).isNull();
    }
}
