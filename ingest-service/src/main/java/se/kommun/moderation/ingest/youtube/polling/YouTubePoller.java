package se.kommun.moderation.ingest.youtube.polling;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.accounts.domain.AccountDirectory;
import se.kommun.moderation.ingest.accounts.domain.AccountStatus;
import se.kommun.moderation.ingest.youtube.config.YouTubeConfig;
import se.kommun.moderation.ingest.youtube.domain.ChannelPoller;
import se.kommun.moderation.ingest.youtube.domain.ModerationStatus;
import se.kommun.moderation.ingest.youtube.domain.PollReport;
import se.kommun.moderation.ingest.youtube.domain.StatusReport;
import se.kommun.moderation.ingest.youtube.messaging.KafkaCommentSink;
import se.kommun.moderation.ingest.youtube.persistence.JdbcWatermarkStore;
import se.kommun.moderation.ingest.youtube.rest.RestYouTubeApi;

/**
 * Runs the {@link ChannelPoller} for every channel of ours (see {@link #channels()}): on a schedule, and early when a WebSub
 * notification says a channel's videos changed. Two polls of one channel never overlap (they would
 * emit the same events twice and race on the watermark): a scheduled poll skips a channel that is
 * being polled, a requested one waits for it. Created at startup so that a wrong moderation status in
 * the configuration stops the service rather than the first poll.
 */
@Startup
@ApplicationScoped
public class YouTubePoller {

    private static final Logger LOG = Logger.getLogger(YouTubePoller.class);

    @Inject
    YouTubeConfig config;

    @Inject
    RestYouTubeApi api;

    @Inject
    JdbcWatermarkStore watermarks;

    @Inject
    KafkaCommentSink sink;

    @Inject
    MeterRegistry meters;

    @Inject
    AccountDirectory accounts;

    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> earlyPollQueued = new ConcurrentHashMap<>();
    private ChannelPoller poller;
    private ExecutorService earlyPolls;

    @PostConstruct
    void start() {
        List<ModerationStatus> statuses = config.moderationStatuses().stream()
                .map(ModerationStatus::fromApiValue).distinct().toList();
        poller = new ChannelPoller(api, watermarks, sink, Clock.systemUTC(), statuses);
        // One thread: early polls are rare, and in order (a later request never overtakes an earlier one).
        earlyPolls = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "youtube-early-poll");
            thread.setDaemon(true);
            return thread;
        });
        if (!config.channelIds().isEmpty()) {
            LOG.infof("YouTube poller: channel(s) %s, moderation status(es) %s, every %s", config.channelIds(),
                    statuses.stream().map(ModerationStatus::apiValue).toList(), config.pollInterval());
        }
        if (!config.channelIds().isEmpty() && config.apiKey().isEmpty() && config.oauthToken().isEmpty()) {
            LOG.warn("YouTube channels are configured but neither ingest.youtube.api-key nor"
                    + " ingest.youtube.oauth-token is set: every poll will be refused");
        }
        if (!config.channelIds().isEmpty() && config.oauthToken().isEmpty()
                && statuses.stream().anyMatch(status -> status != ModerationStatus.PUBLISHED)) {
            LOG.warn("heldForReview and likelySpam need the channel owner's OAuth token (ingest.youtube.oauth-token);"
                    + " without it, drop them from ingest.youtube.moderation-statuses or their polls will fail");
        }
    }

    @PreDestroy
    void stop() {
        earlyPolls.shutdownNow();
    }

    @Scheduled(identity = "youtube-comment-poll", every = "${ingest.youtube.poll-interval:60s}",
            delayed = "${ingest.youtube.first-poll-delay:10s}", concurrentExecution = ConcurrentExecution.SKIP)
    void pollOnSchedule() {
        for (String channelId : channels()) {
            ReentrantLock lock = lockOf(channelId);
            if (lock.tryLock()) {
                try {
                    run(channelId);
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Polls one configured channel now, after any poll of it that is running. */
    public PollReport poll(String channelId) {
        requireConfigured(channelId);
        ReentrantLock lock = lockOf(channelId);
        lock.lock();
        try {
            return run(channelId);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Asks for a poll of the channel soon, without waiting for it. Requests that arrive while one is
     * still queued are folded into it; one that arrives while a poll runs queues another, so a change
     * is always followed by a poll that started after it.
     *
     * @return false if the channel is not one of ours
     */
    public boolean requestPoll(String channelId) {
        if (!channels().contains(channelId)) {
            return false;
        }
        AtomicBoolean queued = earlyPollQueued.computeIfAbsent(channelId, id -> new AtomicBoolean());
        if (queued.compareAndSet(false, true)) {
            earlyPolls.execute(() -> {
                queued.set(false);
                try {
                    poll(channelId);
                } catch (RuntimeException e) {
                    LOG.errorf("early YouTube poll of channel %s failed: %s", channelId, e.getClass().getName());
                }
            });
        }
        return true;
    }

    /**
     * The channels polled: every ACTIVE YouTube account of the registry, and the channels configured
     * by id in {@code ingest.youtube.channels} unless the registry holds them as not (or no longer)
     * open. The registry decides: closing an account there stops its polling without a restart,
     * just as it stops that account's webhooks.
     */
    public List<String> channels() {
        Set<String> channels = new LinkedHashSet<>();
        for (String channelId : config.channelIds()) {
            boolean closedInRegistry = accounts.find(Platform.YOUTUBE, channelId)
                    .filter(entry -> entry.status() != AccountStatus.ACTIVE).isPresent();
            if (!closedInRegistry) {
                channels.add(channelId);
            }
        }
        channels.addAll(accounts.active(Platform.YOUTUBE));
        return List.copyOf(channels);
    }

    private PollReport run(String channelId) {
        PollReport report = poller.poll(channelId);
        for (StatusReport status : report.statuses()) {
            String outcome = status.failed() ? "failed" : "ok";
            meters.counter("ingest.youtube.polls", "channel", channelId, "status", status.status().apiValue(),
                    "outcome", outcome).increment();
            meters.counter("ingest.youtube.comments.emitted", "channel", channelId).increment(status.emitted());
            if (status.quarantined() > 0) {
                meters.counter("ingest.youtube.comments.quarantined", "channel", channelId)
                        .increment(status.quarantined());
            }
            if (status.failed()) {
                // No content here: the failure names the HTTP status and Google's reason, or a class.
                LOG.warnf("YouTube poll of channel %s (%s) stopped after %d call(s), %d comment(s) emitted: %s;"
                        + " the watermark stays, the next poll retries", channelId, status.status().apiValue(),
                        status.calls(), status.emitted(), status.failure());
            } else if (status.emitted() > 0 || status.quarantined() > 0) {
                LOG.infof("YouTube poll of channel %s (%s): %d comment version(s) emitted, %d quarantined,"
                        + " %d call(s)", channelId, status.status().apiValue(), status.emitted(),
                        status.quarantined(), status.calls());
            }
        }
        return report;
    }

    private ReentrantLock lockOf(String channelId) {
        return running.computeIfAbsent(channelId, id -> new ReentrantLock());
    }

    private void requireConfigured(String channelId) {
        if (!channels().contains(channelId)) {
            throw new IllegalArgumentException("channel " + channelId
                    + " is neither an active YouTube account of the registry nor in ingest.youtube.channels");
        }
    }
}
