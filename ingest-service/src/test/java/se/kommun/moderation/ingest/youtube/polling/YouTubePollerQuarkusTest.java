package se.kommun.moderation.ingest.youtube.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
import se.kommun.moderation.ingest.support.TestAccounts;
import se.kommun.moderation.ingest.youtube.domain.ChannelPoller;
import se.kommun.moderation.ingest.youtube.domain.CommentSink;
import se.kommun.moderation.ingest.youtube.domain.ModerationStatus;
import se.kommun.moderation.ingest.youtube.domain.PollReport;
import se.kommun.moderation.ingest.youtube.domain.StatusReport;
import se.kommun.moderation.ingest.youtube.messaging.KafkaCommentSink;
import se.kommun.moderation.ingest.youtube.persistence.JdbcWatermarkStore;
import se.kommun.moderation.ingest.youtube.rest.RestYouTubeApi;
import se.kommun.moderation.ingest.youtube.support.CommentThreadsJson;
import se.kommun.moderation.ingest.youtube.support.CommentThreadsJson.Comment;
import se.kommun.moderation.ingest.youtube.support.CommentThreadsJson.Thread;
import se.kommun.moderation.ingest.youtube.support.FakeYouTubeApiResource;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TestDatabase;
import se.kommun.moderation.testkit.TopicProbe;

/**
 * The poller against a fake YouTube API (WireMock), the real in-process broker and a real database.
 * Polls are triggered directly; the schedule is an hour in the test profile.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "ingest"))
@WithTestResource(FakeYouTubeApiResource.class)
class YouTubePollerQuarkusTest {

    private static final String THREADS = FakeYouTubeApiResource.BASE_PATH + "/commentThreads";
    private static final String COMMENTS = FakeYouTubeApiResource.BASE_PATH + "/comments";

    KafkaBroker broker;
    WireMockServer youtube;
    TestDatabase database;

    @Inject
    YouTubePoller poller;

    @Inject
    RestYouTubeApi api;

    @Inject
    JdbcWatermarkStore watermarks;

    @Inject
    KafkaCommentSink sink;

    private TopicProbe probe;

    @BeforeEach
    void openProbe() {
        probe = new TopicProbe(broker);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    /** Serves one page of one status of one channel; later stubs win over earlier ones. */
    private String serve(String channel, String status, String pageToken, String nextPageToken, Thread... threads) {
        String body = CommentThreadsJson.threadPage(nextPageToken, threads);
        MappingBuilder request = get(urlPathEqualTo(THREADS)).atPriority(1)
                .withQueryParam("allThreadsRelatedToChannelId", equalTo(channel))
                .withQueryParam("moderationStatus", equalTo(status))
                .withQueryParam("pageToken", pageToken == null ? absent() : equalTo(pageToken));
        youtube.stubFor(request.willReturn(okJson(body)));
        return body;
    }

    private List<EventEnvelope<CommentReceived>> eventsOf(String channel) {
        return probe.readAll(Topics.COMMENTS_RECEIVED).stream()
                .map(record -> EventCodec.instance().decode(record.value(), CommentReceived.class))
                .filter(event -> event.payload().platform() == Platform.YOUTUBE
                        && event.payload().accountId().equals(channel))
                .toList();
    }

    private static List<String> versions(List<EventEnvelope<CommentReceived>> events) {
        return events.stream().map(event -> event.payload().commentId() + " " + event.payload().verb()).toList();
    }

    private static Comment top(String channel, String id, String time) {
        return Comment.top(id, channel, "vid-" + id, "Kommentar " + id + " om snöröjningen, åäö", time, time);
    }

    private static RequestPatternBuilder threadsCall(String channel, String status) {
        return getRequestedFor(urlPathEqualTo(THREADS))
                .withQueryParam("part", equalTo("snippet,replies"))
                .withQueryParam("allThreadsRelatedToChannelId", equalTo(channel))
                .withQueryParam("moderationStatus", equalTo(status))
                .withQueryParam("maxResults", equalTo("100"))
                .withQueryParam("order", equalTo("time"))
                .withQueryParam("textFormat", equalTo("plainText"))
                .withQueryParam("key", equalTo(FakeYouTubeApiResource.API_KEY))
                .withHeader("Authorization", equalTo("Bearer " + FakeYouTubeApiResource.OAUTH_TOKEN));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void everyPageOfEveryModerationStatusIsFetchedWithTheCredentials() throws Exception {
        String channel = "UCpoll";
        Comment a = top(channel, "Ugw-a", "2026-11-29T10:03:00Z");
        Comment reply = Comment.reply("Ugw-a.r1", a, "Ett svar", "2026-11-29T10:04:00Z", "2026-11-29T10:04:00Z");
        String firstPage = serve(channel, "published", null, "page-2", Thread.of(a, reply),
                Thread.of(top(channel, "Ugw-b", "2026-11-29T10:02:00Z")));
        serve(channel, "published", "page-2", null, Thread.of(top(channel, "Ugw-c", "2026-11-29T10:01:00Z")));
        serve(channel, "heldForReview", null, null, Thread.of(top(channel, "Ugw-held", "2026-11-29T10:05:00Z")));
        serve(channel, "likelySpam", null, null, Thread.of(top(channel, "Ugw-spam", "2026-11-29T10:06:00Z")));

        PollReport report = poller.poll(channel);

        assertThat(report.failed()).isFalse();
        assertThat(report.emitted()).isEqualTo(6);
        youtube.verify(1, threadsCall(channel, "published").withQueryParam("pageToken", absent()));
        youtube.verify(1, threadsCall(channel, "published").withQueryParam("pageToken", equalTo("page-2")));
        youtube.verify(1, threadsCall(channel, "heldForReview").withQueryParam("pageToken", absent()));
        youtube.verify(1, threadsCall(channel, "likelySpam").withQueryParam("pageToken", absent()));

        // poll() returns after the broker's ack: the events are readable now.
        List<EventEnvelope<CommentReceived>> events = eventsOf(channel);
        assertThat(versions(events)).containsExactlyInAnyOrder("Ugw-a ADDED", "Ugw-a.r1 ADDED", "Ugw-b ADDED",
                "Ugw-c ADDED", "Ugw-held ADDED", "Ugw-spam ADDED");
        EventEnvelope<CommentReceived> replyEvent = events.stream()
                .filter(event -> event.payload().commentId().equals("Ugw-a.r1")).findFirst().orElseThrow();
        CommentReceived received = replyEvent.payload();
        assertThat(replyEvent.commentKey()).isEqualTo("youtube:UCpoll:Ugw-a.r1");
        assertThat(received.parentId()).isEqualTo("Ugw-a");
        assertThat(received.postId()).isEqualTo("vid-Ugw-a");
        assertThat(received.author().id()).isEqualTo("UCauthor-Ugw-a.r1");
        assertThat(received.text()).isEqualTo("Ett svar");
        assertThat(received.permalink()).isEqualTo("https://www.youtube.com/watch?v=vid-Ugw-a&lc=Ugw-a.r1");
        assertThat(received.idempotencyKey()).isEqualTo("youtube:Ugw-a.r1:2026-11-29T10:04:00Z");
        // The archive's proof: the hash of the whole response, and the comment's own bytes within it.
        byte[] body = firstPage.getBytes(StandardCharsets.UTF_8);
        byte[] fragment = Base64.getDecoder().decode(received.raw().fragmentBase64());
        assertThat(received.raw().bodySha256()).isEqualTo(sha256(body));
        assertThat(received.raw().fragmentSha256()).isEqualTo(sha256(fragment));
        assertThat(firstPage).contains(new String(fragment, StandardCharsets.UTF_8));
        assertThat(new ObjectMapper().readTree(fragment).path("id").asText()).isEqualTo("Ugw-a.r1");

        PollReport second = poller.poll(channel);

        assertThat(second.emitted()).isZero();
        assertThat(eventsOf(channel)).hasSize(6);
    }

    @Test
    void aNewCommentAndAnEditAfterAPollAreEmittedOnce() {
        String channel = "UCedit";
        Comment x = top(channel, "Ugx-x", "2026-11-29T11:00:00Z");
        Comment y = top(channel, "Ugx-y", "2026-11-29T11:01:00Z");
        serve(channel, "published", null, null, Thread.of(y), Thread.of(x));
        assertThat(poller.poll(channel).emitted()).isEqualTo(2);

        Comment yEdited = y.editedTo("Ändrad: nu med diarienummer KS 2026/17", "2026-11-29T11:06:00Z");
        Comment z = top(channel, "Ugx-z", "2026-11-29T11:05:00Z");
        serve(channel, "published", null, null, Thread.of(yEdited), Thread.of(z), Thread.of(x));
        assertThat(poller.poll(channel).emitted()).isEqualTo(2);
        assertThat(poller.poll(channel).emitted()).isZero();

        List<EventEnvelope<CommentReceived>> events = eventsOf(channel);
        assertThat(versions(events)).containsExactlyInAnyOrder("Ugx-x ADDED", "Ugx-y ADDED", "Ugx-z ADDED",
                "Ugx-y EDITED");
        CommentReceived edit = events.stream().map(EventEnvelope::payload)
                .filter(comment -> comment.verb() == Verb.EDITED).findFirst().orElseThrow();
        assertThat(edit.text()).isEqualTo("Ändrad: nu med diarienummer KS 2026/17");
        assertThat(edit.createdAt()).isEqualTo(Instant.parse("2026-11-29T11:01:00Z"));
        assertThat(edit.idempotencyKey()).isEqualTo("youtube:Ugx-y:2026-11-29T11:06:00Z");
    }

    @Test
    void aRestartNeitherDuplicatesNorSkips_evenAfterACrashMidPoll() throws Exception {
        String channel = "UCcrash";
        String second = "2026-11-29T12:00:00Z";
        // Three comments in the same second: the watermark must remember which of them it has emitted.
        serve(channel, "published", null, null, Thread.of(top(channel, "Ugc-p", second)),
                Thread.of(top(channel, "Ugc-q", second)), Thread.of(top(channel, "Ugc-r", second)));

        // The process "dies" after the broker acknowledged one event, before the watermark was saved.
        PollReport crashed = pollerAfterRestart(new DyingSink(sink, 1)).poll(channel);
        assertThat(crashed.failed()).isTrue();
        assertThat(storedWatermark(channel)).isEmpty();
        assertThat(eventsOf(channel)).hasSize(1);

        assertThat(pollerAfterRestart(sink).poll(channel).emitted()).isEqualTo(3);
        List<EventEnvelope<CommentReceived>> events = eventsOf(channel);
        assertThat(events.stream().map(event -> event.payload().commentId()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("Ugc-p", "Ugc-q", "Ugc-r");
        // The one repeated event is the same event (same id), so consumers drop it.
        assertThat(events).hasSize(4);
        assertThat(events.stream().map(EventEnvelope::eventId).collect(Collectors.toSet())).hasSize(3);
        assertThat(storedWatermark(channel)).containsExactlyInAnyOrder(
                "published " + second + " Ugc-p", "published " + second + " Ugc-q", "published " + second + " Ugc-r");

        assertThat(pollerAfterRestart(sink).poll(channel).emitted()).isZero();

        // After another restart: one more in the same second (listed late) and one later.
        serve(channel, "published", null, null, Thread.of(top(channel, "Ugc-t", "2026-11-29T12:00:01Z")),
                Thread.of(top(channel, "Ugc-p", second)), Thread.of(top(channel, "Ugc-q", second)),
                Thread.of(top(channel, "Ugc-r", second)), Thread.of(top(channel, "Ugc-s", second)));
        assertThat(pollerAfterRestart(sink).poll(channel).emitted()).isEqualTo(2);
        assertThat(poller.poll(channel).emitted()).as("the service's own poller reads the same rows").isZero();

        List<EventEnvelope<CommentReceived>> all = eventsOf(channel);
        assertThat(all.stream().map(EventEnvelope::eventId).collect(Collectors.toSet())).hasSize(5);
        assertThat(all.stream().map(event -> event.payload().commentId()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("Ugc-p", "Ugc-q", "Ugc-r", "Ugc-s", "Ugc-t");
    }

    @Test
    void theRegistryDecidesWhichChannelsArePolled() {
        String channel = "UCregistry";
        assertThat(poller.channels()).doesNotContain(channel);
        assertThatThrownBy(() -> poller.poll(channel)).isInstanceOf(IllegalArgumentException.class);
        serve(channel, "published", null, null, Thread.of(top(channel, "Ugr-1", "2026-11-29T13:00:00Z")));

        String accountId = TestAccounts.ensureActive("youtube", channel, null);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(poller.channels()).contains(channel));
        assertThat(poller.requestPoll(channel)).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(versions(eventsOf(channel)))
                .containsExactly("Ugr-1 ADDED"));

        TestAccounts.asAdmin().post("/accounts/" + accountId + "/close").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(poller.channels()).doesNotContain(channel));
        assertThat(poller.requestPoll(channel)).isFalse();
    }

    @Test
    void aConfiguredChannelThatTheRegistryHoldsClosedIsNotPolled() {
        String channel = "UCclosed";
        assertThat(poller.channels()).as("configured, not registered").contains(channel);

        String accountId = TestAccounts.ensureDraft("youtube", channel, null);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(poller.channels()).doesNotContain(channel));
        // Opened, it is polled again.
        TestAccounts.ensureActive("youtube", channel, null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(poller.channels()).contains(channel));
        assertThat(accountId).isNotBlank();
    }

    @Test
    void anApiRefusalFailsOnlyThatStatusAndIsRetriedAtTheNextPoll() {
        String channel = "UCrefused";
        youtube.stubFor(get(urlPathEqualTo(THREADS)).atPriority(1)
                .withQueryParam("allThreadsRelatedToChannelId", equalTo(channel))
                .withQueryParam("moderationStatus", equalTo("published"))
                .willReturn(aResponse().withStatus(503)));
        youtube.stubFor(get(urlPathEqualTo(THREADS)).atPriority(1)
                .withQueryParam("allThreadsRelatedToChannelId", equalTo(channel))
                .withQueryParam("moderationStatus", equalTo("heldForReview"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"code":403,"message":"The request is not properly authorized.","errors":[
                        {"message":"The request is not properly authorized.","domain":"youtube.commentThread",
                        "reason":"forbidden"}]}}""")));
        serve(channel, "likelySpam", null, null, Thread.of(top(channel, "Ugr-spam", "2026-11-29T13:00:00Z")));

        PollReport refused = poller.poll(channel);

        assertThat(refused.statuses()).extracting(StatusReport::failure)
                .containsExactly("HTTP 503", "HTTP 403 forbidden", null);
        assertThat(versions(eventsOf(channel))).containsExactly("Ugr-spam ADDED");

        serve(channel, "published", null, null, Thread.of(top(channel, "Ugr-pub", "2026-11-29T12:59:00Z")));
        serve(channel, "heldForReview", null, null, Thread.of(top(channel, "Ugr-held", "2026-11-29T12:58:00Z")));
        PollReport retried = poller.poll(channel);

        assertThat(retried.failed()).isFalse();
        assertThat(versions(eventsOf(channel))).containsExactlyInAnyOrder("Ugr-spam ADDED", "Ugr-pub ADDED",
                "Ugr-held ADDED");
    }

    @Test
    void repliesThatAreNotEmbeddedAreFetchedWithCommentsList() {
        String channel = "UCreplies";
        Comment top = top(channel, "Ugq-top", "2026-11-29T14:00:00Z");
        Comment first = Comment.reply("Ugq-top.1", top, "Första", "2026-11-29T14:01:00Z", "2026-11-29T14:01:00Z");
        Comment second = Comment.reply("Ugq-top.2", top, "Andra", "2026-11-29T14:02:00Z", "2026-11-29T14:02:00Z");
        Comment third = Comment.reply("Ugq-top.3", top, "Tredje", "2026-11-29T14:03:00Z", "2026-11-29T14:03:00Z");
        serve(channel, "published", null, null, new Thread(top, List.of(first), 3));
        youtube.stubFor(get(urlPathEqualTo(COMMENTS)).atPriority(1)
                .withQueryParam("parentId", equalTo("Ugq-top")).withQueryParam("pageToken", absent())
                .willReturn(okJson(CommentThreadsJson.replyPage("r-2", first, second))));
        youtube.stubFor(get(urlPathEqualTo(COMMENTS)).atPriority(1)
                .withQueryParam("parentId", equalTo("Ugq-top")).withQueryParam("pageToken", equalTo("r-2"))
                .willReturn(okJson(CommentThreadsJson.replyPage(null, third))));

        poller.poll(channel);

        RequestPatternBuilder repliesCall = getRequestedFor(urlPathEqualTo(COMMENTS))
                .withQueryParam("part", equalTo("snippet"))
                .withQueryParam("parentId", equalTo("Ugq-top"))
                .withQueryParam("maxResults", equalTo("100"))
                .withQueryParam("textFormat", equalTo("plainText"))
                .withQueryParam("key", equalTo(FakeYouTubeApiResource.API_KEY))
                .withHeader("Authorization", equalTo("Bearer " + FakeYouTubeApiResource.OAUTH_TOKEN));
        youtube.verify(1, repliesCall.withQueryParam("pageToken", absent()));
        youtube.verify(1, getRequestedFor(urlPathEqualTo(COMMENTS)).withQueryParam("pageToken", equalTo("r-2")));
        List<EventEnvelope<CommentReceived>> events = eventsOf(channel);
        assertThat(versions(events)).containsExactlyInAnyOrder("Ugq-top ADDED", "Ugq-top.1 ADDED",
                "Ugq-top.2 ADDED", "Ugq-top.3 ADDED");
        assertThat(events).filteredOn(event -> event.payload().commentId().equals("Ugq-top.3"))
                .singleElement().satisfies(event -> {
                    assertThat(event.payload().parentId()).isEqualTo("Ugq-top");
                    assertThat(event.payload().postId()).isEqualTo("vid-Ugq-top");
                });
    }

    /** A poller as a freshly started service builds it: no memory, only the database. */
    private ChannelPoller pollerAfterRestart(CommentSink commentSink) {
        return new ChannelPoller(api, watermarks, commentSink, Clock.systemUTC(), List.of(ModerationStatus.values()));
    }

    /** The watermark rows as {@code status updatedAt commentId}. */
    private Set<String> storedWatermark(String channel) throws Exception {
        Set<String> rows = new HashSet<>();
        try (Connection connection = database.connect();
                PreparedStatement select = connection.prepareStatement("SELECT w.moderation_status, w.updated_at,"
                        + " c.comment_id FROM youtube_watermark w LEFT JOIN youtube_watermark_comment c"
                        + " USING (channel_id, moderation_status) WHERE w.channel_id = ?")) {
            select.setString(1, channel);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1) + " " + result.getObject(2, OffsetDateTime.class).toInstant()
                            + " " + result.getString(3));
                }
            }
        }
        return rows;
    }

    /** Passes the first events to the broker, then fails as a dying process would. */
    private static final class DyingSink implements CommentSink {

        private final CommentSink broker;
        private int remaining;

        DyingSink(CommentSink broker, int survives) {
            this.broker = broker;
            this.remaining = survives;
        }

        @Override
        public void publish(List<EventEnvelope<CommentReceived>> events) {
            List<EventEnvelope<CommentReceived>> passed = new ArrayList<>();
            for (EventEnvelope<CommentReceived> event : events) {
                if (remaining-- <= 0) {
                    broker.publish(passed);
                    throw new IllegalStateException("killed");
                }
                passed.add(event);
            }
            broker.publish(passed);
        }

        @Override
        public void quarantine(EventEnvelope<CommentQuarantined> event) {
            broker.quarantine(event);
        }
    }
}
