package se.kommun.moderation.ingest.youtube.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.ingest.youtube.support.CommentThreadsJson;
import se.kommun.moderation.ingest.youtube.support.CommentThreadsJson.Comment;
import se.kommun.moderation.ingest.youtube.support.CommentThreadsJson.Thread;
import se.kommun.moderation.ingest.youtube.support.InMemoryWatermarks;
import se.kommun.moderation.ingest.youtube.support.InMemoryYouTube;
import se.kommun.moderation.ingest.youtube.support.RecordingSink;

class YouTubeChannelPollerTest {

    private static final String CHANNEL = "UCkommun";
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final List<ModerationStatus> ALL = List.of(ModerationStatus.values());

    private final InMemoryYouTube youtube = new InMemoryYouTube(2, 2);
    private final InMemoryWatermarks watermarks = new InMemoryWatermarks();
    private final RecordingSink sink = new RecordingSink();

    private ChannelPoller poller() {
        // A new instance is a restart: it knows only what the store holds.
        return new ChannelPoller(youtube, watermarks, sink, Clock.fixed(NOW, ZoneOffset.UTC), ALL);
    }

    private static String at(int minute) {
        return String.format("2026-11-29T10:%02d:00Z", minute);
    }

    private static Comment top(String id, int minute) {
        return Comment.top(id, CHANNEL, "vid-" + id, "kommentar " + id, at(minute), at(minute));
    }

    private static Comment reply(String id, Comment parent, int minute) {
        return Comment.reply(id, parent, "svar " + id, at(minute), at(minute));
    }

    /** What was published, as {@code commentId verb}, in order. */
    private List<String> published() {
        return sink.published().stream().map(EventEnvelope::payload)
                .map(comment -> comment.commentId() + " " + comment.verb()).toList();
    }

    private void fivePublishedThreadsOneHeldOneSpam() {
        Comment a = top("a", 1);
        youtube.thread(ModerationStatus.PUBLISHED, a, reply("a.1", a, 2));
        youtube.thread(ModerationStatus.PUBLISHED, top("b", 3));
        youtube.thread(ModerationStatus.PUBLISHED, top("c", 4));
        youtube.thread(ModerationStatus.PUBLISHED, top("d", 5));
        youtube.thread(ModerationStatus.PUBLISHED, top("e", 6));
        youtube.thread(ModerationStatus.HELD_FOR_REVIEW, top("held", 7));
        youtube.thread(ModerationStatus.LIKELY_SPAM, top("spam", 8));
    }

    @Test
    void theFirstPollReadsEveryPageOfEveryStatus() {
        fivePublishedThreadsOneHeldOneSpam();

        PollReport report = poller().poll(CHANNEL);

        assertThat(report.failed()).isFalse();
        assertThat(youtube.calls()).containsExactly(
                "threads published null", "threads published page-2", "threads published page-4",
                "threads heldForReview null", "threads likelySpam null");
        assertThat(published()).containsExactlyInAnyOrder("a ADDED", "a.1 ADDED", "b ADDED", "c ADDED", "d ADDED",
                "e ADDED", "held ADDED", "spam ADDED");
        assertThat(report.emitted()).isEqualTo(8);
        CommentReceived reply = sink.published().stream().map(EventEnvelope::payload)
                .filter(comment -> comment.commentId().equals("a.1")).findFirst().orElseThrow();
        assertThat(reply.parentId()).isEqualTo("a");
        assertThat(reply.postId()).isEqualTo("vid-a");
        assertThat(reply.receivedAt()).isEqualTo(NOW);
        assertThat(watermarks.load(CHANNEL, ModerationStatus.PUBLISHED))
                .isEqualTo(new Watermark(Instant.parse(at(6)), Set.of("e")));
    }

    @Test
    void aSecondPollEmitsNothingAndStopsAtTheFirstPageOlderThanTheWatermark() {
        fivePublishedThreadsOneHeldOneSpam();
        poller().poll(CHANNEL);
        sink.clear();
        youtube.forgetCalls();

        PollReport report = poller().poll(CHANNEL);

        assertThat(report.emitted()).isZero();
        assertThat(sink.published()).isEmpty();
        assertThat(youtube.calls()).containsExactly(
                "threads published null", "threads heldForReview null", "threads likelySpam null");
    }

    @Test
    void newCommentsRepliesAndEditsAfterAPollAreEmittedOnce() {
        fivePublishedThreadsOneHeldOneSpam();
        poller().poll(CHANNEL);
        sink.clear();

        youtube.thread(ModerationStatus.PUBLISHED, top("f", 20));
        youtube.replace(top("b", 3).editedTo("ändrad text", at(21)));
        youtube.reply(ModerationStatus.PUBLISHED, reply("c.1", top("c", 4), 22));
        poller().poll(CHANNEL);

        assertThat(published()).containsExactlyInAnyOrder("f ADDED", "b EDITED", "c.1 ADDED");
        CommentReceived edit = sink.published().stream().map(EventEnvelope::payload)
                .filter(comment -> comment.commentId().equals("b")).findFirst().orElseThrow();
        assertThat(edit.text()).isEqualTo("ändrad text");
        assertThat(edit.createdAt()).isEqualTo(Instant.parse(at(3)));
        assertThat(edit.idempotencyKey()).isEqualTo("youtube:b:" + at(21));

        sink.clear();
        poller().poll(CHANNEL);
        assertThat(sink.published()).isEmpty();
    }

    @Test
    void commentsSharingTheWatermarkSecondAreNeitherRepeatedNorSkipped() {
        // Three comments in one second across a page boundary, then a fourth in the same second that
        // the API only lists after the first poll.
        youtube.thread(ModerationStatus.PUBLISHED, top("t1", 30));
        youtube.thread(ModerationStatus.PUBLISHED, top("t2", 30));
        youtube.thread(ModerationStatus.PUBLISHED, top("t3", 30));
        poller().poll(CHANNEL);
        assertThat(published()).containsExactlyInAnyOrder("t1 ADDED", "t2 ADDED", "t3 ADDED");
        assertThat(watermarks.load(CHANNEL, ModerationStatus.PUBLISHED))
                .isEqualTo(new Watermark(Instant.parse(at(30)), Set.of("t1", "t2", "t3")));
        sink.clear();

        youtube.thread(ModerationStatus.PUBLISHED, top("t4", 30));
        poller().poll(CHANNEL);

        assertThat(published()).containsExactly("t4 ADDED");
        sink.clear();
        poller().poll(CHANNEL);
        assertThat(published()).isEmpty();
    }

    @Test
    void aRestartContinuesFromTheStoredWatermark() {
        fivePublishedThreadsOneHeldOneSpam();
        poller().poll(CHANNEL);
        sink.clear();

        ChannelPoller afterRestart = poller();
        assertThat(afterRestart.poll(CHANNEL).emitted()).isZero();

        youtube.thread(ModerationStatus.HELD_FOR_REVIEW, top("held-2", 40));
        ChannelPoller afterAnotherRestart = poller();
        afterAnotherRestart.poll(CHANNEL);

        assertThat(published()).containsExactly("held-2 ADDED");
    }

    @Test
    void aCrashBeforeEveryAcknowledgementRepeatsEventsButNeverSkipsOne() {
        fivePublishedThreadsOneHeldOneSpam();
        sink.failAfter(3);

        PollReport crashed = poller().poll(CHANNEL);

        assertThat(crashed.statuses().get(0).failure()).contains("IllegalStateException");
        assertThat(watermarks.load(CHANNEL, ModerationStatus.PUBLISHED)).isEqualTo(Watermark.NONE);
        List<EventEnvelope<CommentReceived>> beforeCrash = sink.published();
        sink.clear();
        sink.failAfter(Integer.MAX_VALUE);

        poller().poll(CHANNEL);

        Set<String> comments = sink.published().stream().map(event -> event.payload().commentId())
                .collect(Collectors.toSet());
        assertThat(comments).containsExactlyInAnyOrder("a", "a.1", "b", "c", "d", "e", "held", "spam");
        // What went out before the crash went out again with the same event ids: recognisable downstream.
        assertThat(sink.published()).extracting(EventEnvelope::eventId)
                .containsAll(beforeCrash.stream().map(EventEnvelope::eventId).toList());
    }

    @Test
    void aStatusTheApiRefusesDoesNotHoldBackTheOthersAndIsRetried() {
        fivePublishedThreadsOneHeldOneSpam();
        youtube.refuse(ModerationStatus.HELD_FOR_REVIEW, new YouTubeApiException(403, "forbidden"));

        PollReport report = poller().poll(CHANNEL);

        assertThat(report.statuses()).extracting(StatusReport::failure)
                .containsExactly(null, "HTTP 403 forbidden", null);
        assertThat(published()).doesNotContain("held ADDED").contains("spam ADDED", "e ADDED");
        assertThat(watermarks.load(CHANNEL, ModerationStatus.HELD_FOR_REVIEW)).isEqualTo(Watermark.NONE);
        sink.clear();

        youtube.refuse(ModerationStatus.HELD_FOR_REVIEW, null);
        poller().poll(CHANNEL);

        assertThat(published()).containsExactly("held ADDED");
    }

    @Test
    void aThreadListedUnderTwoStatusesIsEmittedOnceInAPoll() {
        // A thread is listed as heldForReview when only a reply is held; its top-level comment is published.
        Comment top = top("x", 50);
        youtube.thread(ModerationStatus.PUBLISHED, top);
        youtube.thread(ModerationStatus.HELD_FOR_REVIEW, top, reply("x.held", top, 51));

        poller().poll(CHANNEL);

        assertThat(published()).containsExactly("x ADDED", "x.held ADDED");
    }

    @Test
    void repliesBeyondThoseEmbeddedAreFetchedAndOnlyAgainWhenTheCountChanges() {
        Comment top = top("big", 10);
        youtube.thread(ModerationStatus.PUBLISHED, top, reply("big.1", top, 11), reply("big.2", top, 12),
                reply("big.3", top, 13), reply("big.4", top, 14), reply("big.5", top, 15));
        ChannelPoller poller = new ChannelPoller(youtube, watermarks, sink, Clock.fixed(NOW, ZoneOffset.UTC),
                List.of(ModerationStatus.PUBLISHED));

        poller.poll(CHANNEL);

        assertThat(published()).containsExactlyInAnyOrder("big ADDED", "big.1 ADDED", "big.2 ADDED", "big.3 ADDED",
                "big.4 ADDED", "big.5 ADDED");
        assertThat(youtube.calls()).containsExactly("threads published null", "replies big null",
                "replies big page-2", "replies big page-4");
        sink.clear();
        youtube.forgetCalls();

        poller.poll(CHANNEL);
        assertThat(youtube.calls()).containsExactly("threads published null");
        assertThat(sink.published()).isEmpty();

        youtube.reply(ModerationStatus.PUBLISHED, reply("big.6", top, 16));
        poller.poll(CHANNEL);
        assertThat(published()).containsExactly("big.6 ADDED");
    }

    @Test
    void aRepeatedPageTokenStopsThePollWithoutMovingTheWatermark() {
        byte[] loop = CommentThreadsJson.threadPage("same", Thread.of(top("loop", 1))).getBytes(StandardCharsets.UTF_8);
        YouTubeApi looping = new YouTubeApi() {
            @Override
            public byte[] commentThreads(String channelId, ModerationStatus status, String pageToken) {
                return loop;
            }

            @Override
            public byte[] replies(String parentId, String pageToken) {
                throw new AssertionError("no replies to fetch");
            }
        };
        ChannelPoller poller = new ChannelPoller(looping, watermarks, sink, Clock.systemUTC(),
                List.of(ModerationStatus.PUBLISHED));

        StatusReport report = poller.poll(CHANNEL).statuses().get(0);

        assertThat(report.failure()).isEqualTo("the API repeated a page token");
        assertThat(report.calls()).isEqualTo(2);
        assertThat(watermarks.load(CHANNEL, ModerationStatus.PUBLISHED)).isEqualTo(Watermark.NONE);
    }

    @Test
    void anUnreadableResponseFailsOnlyThatStatus() {
        YouTubeApi broken = new YouTubeApi() {
            @Override
            public byte[] commentThreads(String channelId, ModerationStatus status, String pageToken) {
                return "<html>Service Unavailable</html>".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] replies(String parentId, String pageToken) {
                throw new AssertionError("no replies to fetch");
            }
        };

        PollReport report = new ChannelPoller(broken, watermarks, sink, Clock.systemUTC(), ALL).poll(CHANNEL);

        assertThat(report.statuses()).allSatisfy(status ->
                assertThat(status.failure()).isEqualTo("the response is not well-formed JSON"));
    }

    @Test
    void anUnmappableCommentIsQuarantinedOncePerRunAndTheRestIsEmitted() {
        String page = """
                {"kind":"youtube#commentThreadListResponse","items":[
                 {"id":"ok","snippet":{"topLevelComment":{"id":"ok","snippet":{"publishedAt":"2026-11-29T10:00:00Z"}}}},
                 {"id":"bad","snippet":{"topLevelComment":{"id":"bad","snippet":{"textDisplay":"x"}}}}]}
                """;
        YouTubeApi api = new YouTubeApi() {
            @Override
            public byte[] commentThreads(String channelId, ModerationStatus status, String pageToken) {
                return page.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] replies(String parentId, String pageToken) {
                throw new AssertionError("no replies to fetch");
            }
        };
        ChannelPoller poller = new ChannelPoller(api, watermarks, sink, Clock.systemUTC(),
                List.of(ModerationStatus.PUBLISHED));

        poller.poll(CHANNEL);
        poller.poll(CHANNEL);

        assertThat(published()).containsExactly("ok ADDED");
        assertThat(sink.quarantined()).hasSize(1);
        assertThat(sink.quarantined().get(0).payload().reason())
                .isEqualTo("items.1.snippet.topLevelComment has no snippet.publishedAt");
    }
}
