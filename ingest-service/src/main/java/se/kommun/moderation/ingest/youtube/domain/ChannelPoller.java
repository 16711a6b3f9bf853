package se.kommun.moderation.ingest.youtube.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.kommun.moderation.events.CommentQuarantined;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventEnvelope;

/**
 * Polls the comments of one channel, one moderation status at a time, and emits every comment version
 * that is newer than that status's watermark.
 *
 * <p>Why it neither duplicates nor skips across a restart: everything it knows lives in the
 * {@link WatermarkStore}, read at the start of each poll; the watermark is saved only after every event
 * of the poll was acknowledged by the broker, so a crash before that repeats events (with the same
 * event ids, which consumers recognise) but never loses one. Each status has its own watermark so that
 * one the credentials may not read (heldForReview without the owner's token) does not hold back the
 * others, and no status's watermark is moved by what another status saw.
 *
 * <p>Pages come newest-first; paging stops after a page that ends with a thread older than the
 * watermark. YouTube does not document whether a new reply or an edit moves an old thread to the front,
 * so activity in threads older than the watermark is only seen if the API surfaces it there.
 */
public final class ChannelPoller {

    private static final int MEMORY = 50_000;

    private final YouTubeApi api;
    private final WatermarkStore store;
    private final CommentSink sink;
    private final Clock clock;
    private final List<ModerationStatus> statuses;
    private final YouTubeResponseParser parser = new YouTubeResponseParser();
    private final ReplyCounts replyCounts = new ReplyCounts(MEMORY);
    // Unmappable objects reappear on every poll that reaches their page: quarantine each once per run.
    private final Set<String> quarantined = Collections.newSetFromMap(BoundedLru.map(MEMORY));

    public ChannelPoller(YouTubeApi api, WatermarkStore store, CommentSink sink, Clock clock,
            List<ModerationStatus> statuses) {
        this.api = api;
        this.store = store;
        this.sink = sink;
        this.clock = clock;
        this.statuses = List.copyOf(statuses);
    }

    public PollReport poll(String channelId) {
        // Versions acknowledged in this poll: a thread can be listed under more than one status.
        Set<String> acknowledged = new HashSet<>();
        List<StatusReport> reports = new ArrayList<>();
        for (ModerationStatus status : statuses) {
            reports.add(new StatusPoll(channelId, status, acknowledged).run());
        }
        return new PollReport(channelId, reports);
    }

    /** One status of one poll: its pages, in order, against the watermark as it was when it began. */
    private final class StatusPoll {

        private final String channelId;
        private final ModerationStatus status;
        private final Set<String> acknowledged;
        private final List<CommentThread> repliesFetched = new ArrayList<>();
        private int calls;
        private int emitted;
        private int quarantinedHere;

        StatusPoll(String channelId, ModerationStatus status, Set<String> acknowledged) {
            this.channelId = channelId;
            this.status = status;
            this.acknowledged = acknowledged;
        }

        StatusReport run() {
            try {
                Watermark before = store.load(channelId, status);
                Watermark after = before;
                Set<String> pageTokens = new HashSet<>();
                String pageToken = null;
                ThreadPage page;
                do {
                    calls++;
                    page = parser.parseThreads(api.commentThreads(channelId, status, pageToken));
                    Instant receivedAt = clock.instant();
                    List<YouTubeComment> comments = new ArrayList<>(page.comments());
                    List<UnmappableComment> unmappable = new ArrayList<>(page.unmappable());
                    for (CommentThread thread : page.threads()) {
                        if (replyCounts.needsFetch(channelId, status, thread)) {
                            fetchReplies(thread, comments, unmappable);
                        }
                    }
                    List<YouTubeComment> unseen = comments.stream().filter(before::isNew).toList();
                    publish(unseen, receivedAt);
                    quarantine(unmappable, receivedAt);
                    after = after.including(unseen);
                    pageToken = page.nextPageToken();
                    if (pageToken != null && !pageTokens.add(pageToken)) {
                        throw new MalformedResponseException("the API repeated a page token");
                    }
                } while (pageToken != null && !page.endsBefore(before));
                if (!after.equals(before)) {
                    store.save(channelId, status, after);
                }
                repliesFetched.forEach(thread -> replyCounts.remember(channelId, status, thread));
                return report(null);
            } catch (YouTubeApiException | MalformedResponseException e) {
                return report(e.getMessage());
            } catch (RuntimeException e) {
                // Broker or database: the class says enough, a message could quote an event.
                return report("publishing or saving the watermark failed: " + e.getClass().getName());
            }
        }

        private void fetchReplies(CommentThread thread, List<YouTubeComment> comments,
                List<UnmappableComment> unmappable) throws YouTubeApiException, MalformedResponseException {
            Set<String> pageTokens = new HashSet<>();
            String pageToken = null;
            do {
                calls++;
                ReplyPage page = parser.parseReplies(api.replies(thread.topLevelCommentId(), pageToken),
                        thread.topLevelCommentId(), thread.videoId());
                comments.addAll(page.comments());
                unmappable.addAll(page.unmappable());
                pageToken = page.nextPageToken();
                if (pageToken != null && !pageTokens.add(pageToken)) {
                    throw new MalformedResponseException("the API repeated a page token of comments.list");
                }
            } while (pageToken != null);
            repliesFetched.add(thread);
        }

        private void publish(List<YouTubeComment> unseen, Instant receivedAt) {
            // The embedded replies and comments.list overlap, and a version may already be out under
            // another status in this poll: each version once.
            Map<String, YouTubeComment> versions = new LinkedHashMap<>();
            for (YouTubeComment comment : unseen) {
                if (!acknowledged.contains(comment.versionKey())) {
                    versions.putIfAbsent(comment.versionKey(), comment);
                }
            }
            List<EventEnvelope<CommentReceived>> events = versions.values().stream()
                    .map(comment -> YouTubeCommentEvents.received(channelId, comment, receivedAt))
                    .toList();
            sink.publish(events);
            acknowledged.addAll(versions.keySet());
            emitted += events.size();
        }

        private void quarantine(List<UnmappableComment> unmappable, Instant receivedAt) {
            for (UnmappableComment object : unmappable) {
                EventEnvelope<CommentQuarantined> event = YouTubeCommentEvents.quarantined(channelId, object, receivedAt);
                if (!quarantined.contains(event.payload().requestId())) {
                    sink.quarantine(event);
                    quarantined.add(event.payload().requestId());
                    quarantinedHere++;
                }
            }
        }

        private StatusReport report(String failure) {
            return new StatusReport(status, calls, emitted, quarantinedHere, failure);
        }
    }
}
