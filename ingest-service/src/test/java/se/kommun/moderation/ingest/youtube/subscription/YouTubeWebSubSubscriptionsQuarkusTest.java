package se.kommun.moderation.ingest.youtube.subscription;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.ingest.support.TestAccounts;
import se.kommun.moderation.ingest.youtube.domain.WebSubLease;
import se.kommun.moderation.ingest.youtube.domain.WebSubRequest;
import se.kommun.moderation.ingest.youtube.domain.WebSubSubscriber.Outcome;
import se.kommun.moderation.ingest.youtube.domain.WebSubTopics;
import se.kommun.moderation.ingest.youtube.persistence.JdbcWebSubLeases;
import se.kommun.moderation.ingest.youtube.polling.YouTubePoller;
import se.kommun.moderation.ingest.youtube.support.FakeYouTubeApiResource;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;

/**
 * Subscribing, renewing and unsubscribing at a fake hub (WireMock, the same server as the fake API).
 * Checks are triggered directly, with a later instant standing for time passing; the hub's
 * verification GET is sent by the test. Every check covers every channel of the shared application,
 * so each test looks only at its own channel's requests.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "ingest"))
@WithTestResource(FakeYouTubeApiResource.class)
class YouTubeWebSubSubscriptionsQuarkusTest {

    private static final String CALLBACK = "/webhooks/youtube/websub";
    private static final Duration AWAIT = Duration.ofSeconds(10);

    WireMockServer hub;

    @Inject
    YouTubeWebSubSubscriptions subscriptions;

    @Inject
    JdbcWebSubLeases leases;

    @Inject
    YouTubePoller poller;

    private static RequestPatternBuilder hubRequest(String mode, String channel) {
        return postRequestedFor(urlPathEqualTo(FakeYouTubeApiResource.HUB_PATH))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("hub.mode", equalTo(mode))
                .withFormParam("hub.topic", equalTo(WebSubTopics.feedUrl(channel)))
                .withFormParam("hub.callback", equalTo(FakeYouTubeApiResource.CALLBACK_URL));
    }

    private int sent(String mode, String channel) {
        return hub.findAll(hubRequest(mode, channel)).size();
    }

    private WebSubLease lease(String channel) {
        return leases.find(channel).orElseThrow();
    }

    private static void verifyIntent(String mode, String channel, String leaseSeconds, int status) {
        var request = given().queryParam("hub.mode", mode)
                .queryParam("hub.topic", WebSubTopics.feedUrl(channel))
                .queryParam("hub.challenge", "challenge-" + channel);
        if (leaseSeconds != null) {
            request.queryParam("hub.lease_seconds", leaseSeconds);
        }
        var response = request.when().get(CALLBACK).then().statusCode(status);
        if (status == 200) {
            response.body(is("challenge-" + channel));
        }
    }

    @Test
    void everyChannelOfOursIsSubscribedWithTheFormFieldsOfTheSpec() {
        String channel = "UCsubscribe";
        assertThat(subscriptions.enabled()).isTrue();

        subscriptions.check(Instant.now());

        // At least once: an earlier check of the shared application may have subscribed it already.
        List<?> requests = hub.findAll(hubRequest("subscribe", channel)
                .withFormParam("hub.lease_seconds", equalTo("432000"))
                .withFormParam("hub.secret", equalTo(FakeYouTubeApiResource.WEBSUB_SECRET)));
        assertThat(requests).isNotEmpty();
        WebSubLease lease = lease(channel);
        assertThat(lease.failed()).isFalse();
        assertThat(Duration.between(lease.subscribedAt(), lease.leaseUntil()))
                .as("the requested lease until the hub verifies").isEqualTo(Duration.ofDays(5));
    }

    @Test
    void theVerificationRecordsTheGrantedLeaseAndTheChannelIsRenewedAtEightyPercentOfIt() {
        String channel = "UCrenew";
        subscriptions.check(Instant.now());
        assertThat(sent("subscribe", channel)).isPositive();

        // The hub grants less than the five days asked for.
        verifyIntent("subscribe", channel, "1000", 200);

        WebSubLease granted = lease(channel);
        Instant from = granted.subscribedAt();
        assertThat(Duration.between(from, granted.leaseUntil())).isEqualTo(Duration.ofSeconds(1000));
        int before = sent("subscribe", channel);

        subscriptions.check(from.plusSeconds(799));
        assertThat(sent("subscribe", channel)).as("not yet at 80 %").isEqualTo(before);

        List<Outcome> renewal = subscriptions.check(from.plusSeconds(800));
        assertThat(renewal).extracting(Outcome::request).contains(WebSubRequest.subscribe(channel));
        assertThat(sent("subscribe", channel)).isEqualTo(before + 1);
        assertThat(lease(channel).subscribedAt()).isEqualTo(from.plusSeconds(800));
    }

    @Test
    void aChannelOpenedInTheRegistryIsSubscribedAndUnsubscribedOnceClosed() {
        String channel = "UCsubopen";
        String accountId = TestAccounts.ensureActive("youtube", channel, null);
        await().atMost(AWAIT).untilAsserted(() -> assertThat(poller.channels()).contains(channel));

        subscriptions.check(Instant.now());
        assertThat(sent("subscribe", channel)).isEqualTo(1);
        verifyIntent("subscribe", channel, "432000", 200);
        verifyIntent("unsubscribe", channel, null, 404);

        TestAccounts.asAdmin().post("/accounts/" + accountId + "/close").then().statusCode(200);
        await().atMost(AWAIT).untilAsserted(() -> assertThat(poller.channels()).doesNotContain(channel));

        subscriptions.check(Instant.now());
        hub.verify(1, hubRequest("unsubscribe", channel)
                .withFormParam("hub.secret", absent()).withFormParam("hub.lease_seconds", absent()));
        assertThat(leases.find(channel)).isEmpty();
        // The hub's check of our intent: yes to unsubscribing, no to subscribing it again.
        verifyIntent("unsubscribe", channel, null, 200);
        verifyIntent("subscribe", channel, "432000", 404);

        subscriptions.check(Instant.now());
        assertThat(sent("unsubscribe", channel)).as("nothing left to cancel").isEqualTo(1);
        assertThat(sent("subscribe", channel)).isEqualTo(1);
    }

    @Test
    void aHubErrorIsRecordedWithItsStatusAndRetriedAtTheNextCheck() {
        String channel = "UCsuberror";
        StubMapping failing = hub.stubFor(post(urlPathEqualTo(FakeYouTubeApiResource.HUB_PATH)).atPriority(1)
                .withFormParam("hub.topic", equalTo(WebSubTopics.feedUrl(channel)))
                .willReturn(aResponse().withStatus(500)));
        TestAccounts.ensureActive("youtube", channel, null);
        await().atMost(AWAIT).untilAsserted(() -> assertThat(poller.channels()).contains(channel));

        List<Outcome> failed = subscriptions.check(Instant.now());

        assertThat(failed).filteredOn(outcome -> outcome.request().channelId().equals(channel))
                .extracting(Outcome::error).containsExactly("HTTP 500");
        assertThat(lease(channel).lastError()).isEqualTo("HTTP 500");
        assertThat(lease(channel).leaseUntil()).isNull();

        hub.removeStub(failing);
        subscriptions.check(Instant.now());

        assertThat(sent("subscribe", channel)).isEqualTo(2);
        assertThat(lease(channel).failed()).isFalse();
        assertThat(lease(channel).leaseUntil()).isAfter(Instant.now().plus(Duration.ofDays(4)));
    }
}
