package se.kommun.moderation.ingest.commands.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.CommandAction;
import se.kommun.moderation.events.CommandOutcome;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.PlatformCommandCompleted;
import se.kommun.moderation.events.PlatformCommandIssued;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.messaging.deadletter.DeadLetterHeaders;
import se.kommun.moderation.ingest.commands.support.Commands;
import se.kommun.moderation.ingest.commands.support.FakePlatformsResource;
import se.kommun.moderation.ingest.signature.HmacSignatures;
import se.kommun.moderation.ingest.support.TestAccounts;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TopicProbe;

/**
 * Commands through the real broker and database against fake platforms on loopback: the exact
 * request each fake receives, how often, and the result on platform.results.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "ingest"))
@WithTestResource(FakePlatformsResource.class)
class PlatformCommandsQuarkusTest {

    private static final String GRAPH = FakePlatformsResource.GRAPH;

    KafkaBroker broker;
    WireMockServer platforms;

    @Inject
    AgroalDataSource database;

    private TopicProbe probe;

    @BeforeEach
    void setUp() {
        probe = new TopicProbe(broker);
        // The Facebook Page acts with the token its registry entry refers to.
        TestAccounts.ensureDraft("facebook", FakePlatformsResource.PAGE_ID, FakePlatformsResource.PAGE_TOKEN_REF);
        TestAccounts.ensureDraft("web", FakePlatformsResource.WEB_ACCOUNT, FakePlatformsResource.WEB_SECRET_REF);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    private void send(PlatformCommandIssued command) {
        EventEnvelope<PlatformCommandIssued> envelope = Commands.envelope(command);
        probe.send(Topics.PLATFORM_COMMANDS, envelope.commentKey(), EventCodec.instance().encode(envelope));
    }

    private List<ConsumerRecord<String, String>> resultRecords(String idempotencyKey) {
        return probe.readAll(Topics.PLATFORM_RESULTS).stream()
                .filter(r -> EventCodec.instance().decode(r.value(), PlatformCommandCompleted.class).payload()
                        .idempotencyKey().equals(idempotencyKey))
                .toList();
    }

    private EventEnvelope<PlatformCommandCompleted> awaitResult(String idempotencyKey) {
        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> resultRecords(idempotencyKey), list -> !list.isEmpty());
        return EventCodec.instance().decode(records.get(0).value(), PlatformCommandCompleted.class);
    }

    @Test
    void aFacebookHideIsOnePostOfIsHiddenWithThePageTokenAndASucceededResult() {
        String comment = "2000_3001";
        platforms.stubFor(post(urlEqualTo(GRAPH + "/" + comment)).willReturn(okJson("{\"success\":true}")));
        PlatformCommandIssued hide = Commands.hide(Platform.FACEBOOK, FakePlatformsResource.PAGE_ID, comment);
        send(hide);

        EventEnvelope<PlatformCommandCompleted> result = awaitResult(hide.idempotencyKey());
        assertThat(result.eventId()).isEqualTo(EventIds.derive("PlatformCommandCompleted", hide.idempotencyKey()));
        assertThat(result.commentKey()).isEqualTo("facebook:1000:" + comment);
        assertThat(result.producer()).isEqualTo("ingest-service");
        assertThat(result.payload().commandId()).isEqualTo(hide.commandId());
        assertThat(result.payload().action()).isEqualTo(CommandAction.HIDE);
        assertThat(result.payload().outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        assertThat(result.payload().attempts()).isEqualTo(1);
        assertThat(result.payload().platformStatus()).isEqualTo(200);
        platforms.verify(1, postRequestedFor(urlEqualTo(GRAPH + "/" + comment))
                .withHeader("Authorization", equalTo("Bearer " + FakePlatformsResource.PAGE_TOKEN))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("is_hidden=true")));
        platforms.verify(1, anyRequestedFor(urlMatching(".*" + comment + ".*")));
    }

    @Test
    void aDuplicatedReplyIsPostedOnceAndItsResultRepublishedWithTheSameEventId() {
        String comment = "2000_3002";
        platforms.stubFor(post(urlEqualTo(GRAPH + "/" + comment + "/comments"))
                .willReturn(okJson("{\"id\":\"2000_3002_9001\"}")));
        PlatformCommandIssued reply = Commands.reply(Platform.FACEBOOK, FakePlatformsResource.PAGE_ID, comment,
                "Hej! Vi återkommer inom en arbetsdag. /Anna, Örebro kommun");
        send(reply);
        send(reply);
        EventEnvelope<PlatformCommandCompleted> first = awaitResult(reply.idempotencyKey());
        assertThat(first.payload().outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        assertThat(first.payload().platformObjectId()).isEqualTo("2000_3002_9001");

        // A redelivery after it finished: the same result again, no second reply.
        int before = resultRecords(reply.idempotencyKey()).size();
        send(reply);
        List<ConsumerRecord<String, String>> results = await().atMost(Duration.ofSeconds(30))
                .until(() -> resultRecords(reply.idempotencyKey()), list -> list.size() > before);
        assertThat(results).extracting(ConsumerRecord::value).containsOnly(results.get(0).value());
        assertThat(results).extracting(ConsumerRecord::key).containsOnly("facebook:1000:" + comment);
        platforms.verify(1, postRequestedFor(urlEqualTo(GRAPH + "/" + comment + "/comments"))
                .withHeader("Authorization", equalTo("Bearer " + FakePlatformsResource.PAGE_TOKEN))
                .withRequestBody(equalTo("message=Hej%21+Vi+%C3%A5terkommer+inom+en+arbetsdag.+%2FAnna%2C+%C3%96rebro+kommun")));
    }

    @Test
    void aPlatformThatFailsThreeTimesThenSucceedsIsAskedFourTimes() {
        String comment = "17858893269000003";
        String path = GRAPH + "/" + comment + "/replies";
        platforms.stubFor(post(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed-once"));
        platforms.stubFor(post(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs("failed-once")
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"An unexpected error has occurred.\",\"type\":\"OAuthException\",\"code\":2}}"))
                .willSetStateTo("failed-twice"));
        platforms.stubFor(post(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs("failed-twice")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("recovered"));
        platforms.stubFor(post(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"id\":\"17858893269000099\"}")));
        PlatformCommandIssued reply = Commands.reply(Platform.INSTAGRAM, FakePlatformsResource.IG_ACCOUNT, comment, "Tack!");
        send(reply);

        PlatformCommandCompleted result = awaitResult(reply.idempotencyKey()).payload();
        assertThat(result.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        assertThat(result.attempts()).isEqualTo(4);
        assertThat(result.platformObjectId()).isEqualTo("17858893269000099");
        platforms.verify(4, postRequestedFor(urlEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer " + FakePlatformsResource.PAGE_TOKEN))
                .withRequestBody(equalTo("message=Tack%21")));
    }

    @Test
    void aForbiddenDeleteIsNotRetriedAndFailsWithThePlatformsAnswer() {
        String comment = "2000_3004";
        platforms.stubFor(delete(urlEqualTo(GRAPH + "/" + comment)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"(#200) Permissions error\",\"type\":\"OAuthException\",\"code\":200}}")));
        PlatformCommandIssued deletion = Commands.delete(Platform.FACEBOOK, FakePlatformsResource.PAGE_ID, comment);
        send(deletion);

        PlatformCommandCompleted result = awaitResult(deletion.idempotencyKey()).payload();
        assertThat(result.outcome()).isEqualTo(CommandOutcome.FAILED);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.platformStatus()).isEqualTo(403);
        assertThat(result.platformMessage()).isEqualTo("(#200) Permissions error (OAuthException, code 200)");
        platforms.verify(1, deleteRequestedFor(urlEqualTo(GRAPH + "/" + comment))
                .withHeader("Authorization", equalTo("Bearer " + FakePlatformsResource.PAGE_TOKEN)));
    }

    @Test
    void aRemovalWithoutEvidenceIsRefusedAndThePlatformNeverCalled() {
        String comment = "2000_3005";
        platforms.stubFor(post(urlEqualTo(GRAPH + "/" + comment)).willReturn(okJson("{\"success\":true}")));
        PlatformCommandIssued unsaved = Commands.command("hide-without-evidence", CommandAction.HIDE, Platform.FACEBOOK,
                FakePlatformsResource.PAGE_ID, comment, null, null);
        send(unsaved);

        PlatformCommandCompleted result = awaitResult(unsaved.idempotencyKey()).payload();
        assertThat(result.outcome()).isEqualTo(CommandOutcome.REFUSED);
        assertThat(result.attempts()).isZero();
        assertThat(result.platformStatus()).isNull();
        assertThat(result.platformMessage()).contains("evidenceBundleId");
        platforms.verify(0, anyRequestedFor(urlMatching(".*" + comment + ".*")));
    }

    @Test
    void anXHideWaitsOutA429sRetryAfter() {
        String tweet = "1850000000000000006";
        String path = FakePlatformsResource.X + "/2/tweets/" + tweet + "/hidden";
        platforms.stubFor(put(urlEqualTo(path)).inScenario("limited").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}"))
                .willSetStateTo("open"));
        platforms.stubFor(put(urlEqualTo(path)).inScenario("limited").whenScenarioStateIs("open")
                .willReturn(okJson("{\"data\":{\"hidden\":true}}")));
        PlatformCommandIssued hide = Commands.hide(Platform.X, FakePlatformsResource.X_ACCOUNT, tweet);
        send(hide);

        PlatformCommandCompleted result = awaitResult(hide.idempotencyKey()).payload();
        assertThat(result.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        assertThat(result.attempts()).isEqualTo(2);
        List<LoggedRequest> calls = platforms.findAll(putRequestedFor(urlEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer " + FakePlatformsResource.X_TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"hidden\":true}")));
        assertThat(calls).hasSize(2);
        long waited = calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime();
        assertThat(waited).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void aWebCallbackIsSignedWithTheAccountsSecret() {
        platforms.stubFor(post(urlEqualTo(FakePlatformsResource.SITE_CALLBACK)).willReturn(aResponse().withStatus(204)));
        PlatformCommandIssued deletion = Commands.delete(Platform.WEB, FakePlatformsResource.WEB_ACCOUNT, "c-3007");
        send(deletion);

        PlatformCommandCompleted result = awaitResult(deletion.idempotencyKey()).payload();
        assertThat(result.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        List<LoggedRequest> calls = platforms.findAll(postRequestedFor(urlEqualTo(FakePlatformsResource.SITE_CALLBACK))
                .withHeader("Idempotency-Key", equalTo(deletion.idempotencyKey()))
                .withRequestBody(equalToJson("""
                        {"commandId":"%s","idempotencyKey":"%s","action":"DELETE","accountId":"kommun-web",
                         "commentId":"c-3007","evidenceBundleId":"%s","issuedAt":"2026-11-02T09:15:00Z"}"""
                        .formatted(deletion.commandId(), deletion.idempotencyKey(), Commands.EVIDENCE))));
        assertThat(calls).hasSize(1);
        byte[] body = calls.get(0).getBody();
        assertThat(calls.get(0).getHeader("X-Signature-256")).isEqualTo("sha256=" + HexFormat.of().formatHex(
                HmacSignatures.hmacSha256(FakePlatformsResource.WEB_SECRET, body)));
    }

    @Test
    void anInstagramHideIsAPostWithHideTrueInTheQuery() {
        String comment = "17858893269000008";
        platforms.stubFor(post(urlPathEqualTo(GRAPH + "/" + comment)).willReturn(okJson("{\"success\":true}")));
        PlatformCommandIssued hide = Commands.hide(Platform.INSTAGRAM, FakePlatformsResource.IG_ACCOUNT, comment);
        send(hide);

        assertThat(awaitResult(hide.idempotencyKey()).payload().outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        platforms.verify(1, postRequestedFor(urlPathEqualTo(GRAPH + "/" + comment))
                .withQueryParam("hide", equalTo("true"))
                .withHeader("Authorization", equalTo("Bearer " + FakePlatformsResource.PAGE_TOKEN))
                .withHeader("Content-Type", absent()));
        assertThat(platforms.findAll(postRequestedFor(urlPathEqualTo(GRAPH + "/" + comment))).get(0).getBody()).isEmpty();
    }

    @Test
    void aLinkedInDeleteActsAsTheOrganisation() {
        String post = "urn:li:activity:7200000000000000009";
        String comment = "urn:li:comment:(" + post + ",7200000000000000010)";
        String path = FakePlatformsResource.LINKEDIN + "/socialActions/urn%3Ali%3Aactivity%3A7200000000000000009/comments/7200000000000000010";
        platforms.stubFor(delete(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
        PlatformCommandIssued deletion = Commands.delete(Platform.LINKEDIN, FakePlatformsResource.ORGANISATION, comment);
        send(deletion);

        PlatformCommandCompleted result = awaitResult(deletion.idempotencyKey()).payload();
        assertThat(result.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        assertThat(result.platformStatus()).isEqualTo(204);
        platforms.verify(1, deleteRequestedFor(urlPathEqualTo(path))
                .withQueryParam("actor", equalTo("urn:li:organization:" + FakePlatformsResource.ORGANISATION))
                .withHeader("Authorization", equalTo("Bearer " + FakePlatformsResource.LINKEDIN_TOKEN))
                .withHeader("LinkedIn-Version", equalTo("202609"))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0")));
    }

    @Test
    void aYouTubeHideRejectsTheCommentWithTheChannelOwnersToken() {
        String comment = "UgzYouTubeComment011";
        String path = FakePlatformsResource.YOUTUBE + "/comments/setModerationStatus";
        platforms.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
        PlatformCommandIssued hide = Commands.hide(Platform.YOUTUBE, "UCkommun", comment);
        send(hide);

        assertThat(awaitResult(hide.idempotencyKey()).payload().outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        platforms.verify(1, postRequestedFor(urlPathEqualTo(path))
                .withQueryParam("id", equalTo(comment))
                .withQueryParam("moderationStatus", equalTo("rejected"))
                .withHeader("Authorization", equalTo("Bearer " + FakePlatformsResource.YOUTUBE_TOKEN)));
    }

    @Test
    void aCommandForAnAccountWithoutATokenIsRefusedWithTheReason() {
        PlatformCommandIssued hide = Commands.hide(Platform.FACEBOOK, "9999", "9999_1");
        send(hide);

        PlatformCommandCompleted result = awaitResult(hide.idempotencyKey()).payload();
        assertThat(result.outcome()).isEqualTo(CommandOutcome.REFUSED);
        assertThat(result.platformMessage()).startsWith("no access token configured for facebook account 9999");
        platforms.verify(0, anyRequestedFor(urlMatching(".*9999_1.*")));
    }

    @Test
    void aCommentsCommandsRunInTheOrderTheyWereIssued() {
        String comment = "2000_3012";
        String replyPath = GRAPH + "/" + comment + "/comments";
        platforms.stubFor(post(urlEqualTo(replyPath)).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("once"));
        platforms.stubFor(post(urlEqualTo(replyPath)).inScenario("order").whenScenarioStateIs("once")
                .willReturn(okJson("{\"id\":\"2000_3012_1\"}")));
        platforms.stubFor(post(urlEqualTo(GRAPH + "/" + comment)).willReturn(okJson("{\"success\":true}")));
        PlatformCommandIssued reply = Commands.reply(Platform.FACEBOOK, FakePlatformsResource.PAGE_ID, comment, "Hej");
        PlatformCommandIssued hide = Commands.hide(Platform.FACEBOOK, FakePlatformsResource.PAGE_ID, comment);
        send(reply);
        send(hide);

        assertThat(awaitResult(hide.idempotencyKey()).payload().outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        assertThat(awaitResult(reply.idempotencyKey()).payload().attempts()).isEqualTo(2);
        List<LoggedRequest> replies = platforms.findAll(postRequestedFor(urlEqualTo(replyPath)));
        List<LoggedRequest> hides = platforms.findAll(postRequestedFor(urlEqualTo(GRAPH + "/" + comment)));
        assertThat(replies).hasSize(2);
        assertThat(hides).hasSize(1);
        // The hide waited for the reply's retry: one comment, one command at a time, in order.
        assertThat(hides.get(0).getLoggedDate()).isAfterOrEqualTo(replies.get(1).getLoggedDate());
    }

    @Test
    void aSlowPlatformDoesNotHoldUpOtherComments() {
        String slow = "2000_3013";
        String fast = "2000_3014";
        platforms.stubFor(post(urlEqualTo(GRAPH + "/" + slow))
                .willReturn(okJson("{\"success\":true}").withFixedDelay(4000)));
        platforms.stubFor(post(urlEqualTo(GRAPH + "/" + fast)).willReturn(okJson("{\"success\":true}")));
        PlatformCommandIssued slowHide = Commands.hide(Platform.FACEBOOK, FakePlatformsResource.PAGE_ID, slow);
        PlatformCommandIssued fastHide = Commands.hide(Platform.FACEBOOK, FakePlatformsResource.PAGE_ID, fast);
        send(slowHide);
        await().atMost(Duration.ofSeconds(30)).until(() -> !platforms.findAll(postRequestedFor(urlEqualTo(GRAPH + "/" + slow))).isEmpty());
        send(fastHide);

        assertThat(awaitResult(fastHide.idempotencyKey()).payload().outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        assertThat(awaitResult(slowHide.idempotencyKey()).payload().outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        // The fast call was made while the slow one was still waiting for its answer.
        long slowCalledAt = platforms.findAll(postRequestedFor(urlEqualTo(GRAPH + "/" + slow))).get(0).getLoggedDate().getTime();
        long fastCalledAt = platforms.findAll(postRequestedFor(urlEqualTo(GRAPH + "/" + fast))).get(0).getLoggedDate().getTime();
        assertThat(fastCalledAt).isLessThan(slowCalledAt + 4000);
    }

    @Test
    void aReplyCutOffByACrashMidCallIsReportedAndNotPostedAgain() throws Exception {
        String comment = "2000_3015";
        platforms.stubFor(post(urlEqualTo(GRAPH + "/" + comment + "/comments")).willReturn(okJson("{\"id\":\"x\"}")));
        PlatformCommandIssued reply = Commands.reply(Platform.FACEBOOK, FakePlatformsResource.PAGE_ID, comment, "Hej");
        // As a crashed instance leaves it: attempt 1 under way, its lease run out.
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO platform_command (idempotency_key, command_id, comment_key, platform, account_id,
                            action, target, reply_text, issued_at, state, attempts, in_flight, next_attempt_at,
                            lease_until, received_at, updated_at)
                        VALUES (?, ?, ?, 'facebook', ?, 'REPLY', ?, 'Hej', now(), 'PENDING', 1, TRUE, now(),
                            now() - interval '1 second', now(), now())""")) {
            insert.setString(1, reply.idempotencyKey());
            insert.setObject(2, reply.commandId());
            insert.setString(3, "facebook:1000:" + comment);
            insert.setString(4, FakePlatformsResource.PAGE_ID);
            insert.setString(5, comment);
            insert.executeUpdate();
        }

        PlatformCommandCompleted result = awaitResult(reply.idempotencyKey()).payload();
        assertThat(result.outcome()).isEqualTo(CommandOutcome.FAILED);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.platformMessage()).contains("may have been posted");
        platforms.verify(0, anyRequestedFor(urlMatching(".*" + comment + ".*")));
        // Redelivered after that: the same result, still no call.
        send(reply);
        await().atMost(Duration.ofSeconds(30)).until(() -> resultRecords(reply.idempotencyKey()).size() >= 2);
        platforms.verify(0, anyRequestedFor(urlMatching(".*" + comment + ".*")));
    }

    @Test
    void anUnreadableCommandGoesToTheDeadLetterTopicWithTheReason() {
        probe.send(Topics.PLATFORM_COMMANDS, "facebook:1000:poison", "{\"eventId\": not json");
        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> probe.readAll(Topics.deadLetterOf(Topics.PLATFORM_COMMANDS)).stream()
                        .filter(r -> "facebook:1000:poison".equals(r.key())).toList(), list -> !list.isEmpty());
        Header reason = dead.get(0).headers().lastHeader(DeadLetterHeaders.REASON);
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).startsWith("not valid JSON");
    }
}
