package se.kommun.moderation.ingest.youtube.subscription;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import se.kommun.moderation.ingest.youtube.config.YouTubeConfig;
import se.kommun.moderation.ingest.youtube.domain.WebSubSubscriber;
import se.kommun.moderation.ingest.youtube.domain.WebSubSubscriber.Outcome;
import se.kommun.moderation.ingest.youtube.persistence.JdbcWebSubLeases;
import se.kommun.moderation.ingest.youtube.polling.YouTubePoller;
import se.kommun.moderation.ingest.youtube.rest.WebSubHubClient;

/**
 * Subscribes the hub to every channel of the poller ({@link YouTubePoller#channels()}: registry-active
 * and configured), renews each lease before it ends and unsubscribes channels that are no longer ours,
 * on a schedule; the leases are in the database. Off, and saying so once, while
 * {@code ingest.youtube.websub.callback-url} is unset: the hub needs our public URL to call back.
 */
@Startup
@ApplicationScoped
public class YouTubeWebSubSubscriptions {

    static final String METRIC = "ingest.youtube.websub.hub-requests";

    private static final Logger LOG = Logger.getLogger(YouTubeWebSubSubscriptions.class);

    @Inject
    YouTubeConfig config;

    @Inject
    YouTubePoller poller;

    @Inject
    JdbcWebSubLeases leases;

    @Inject
    MeterRegistry meters;

    private final Clock clock = Clock.systemUTC();
    private WebSubSubscriber subscriber;

    @PostConstruct
    void start() {
        YouTubeConfig.WebSub websub = config.websub();
        if (websub.callbackUrl().isEmpty()) {
            LOG.info("YouTube WebSub subscriptions are off (ingest.youtube.websub.callback-url is not set):"
                    + " new videos are noticed at the next scheduled poll only");
            return;
        }
        if (config.websubSecret().isEmpty()) {
            LOG.warn("YouTube WebSub subscriptions without ingest.youtube.websub-secret: the hub's notifications"
                    + " cannot be authenticated and are all dropped");
        }
        WebSubHubClient hub = new WebSubHubClient(URI.create(websub.hubUrl()), websub.callbackUrl().get(),
                websub.lease(), config.websubSecret(), websub.requestTimeout());
        subscriber = new WebSubSubscriber(hub, leases, websub.lease());
        LOG.infof("YouTube WebSub: subscribing at %s with callback %s, lease %s, checked every %s",
                websub.hubUrl(), websub.callbackUrl().get(), websub.lease(), websub.checkInterval());
    }

    public boolean enabled() {
        return subscriber != null;
    }

    @Scheduled(identity = "youtube-websub-check", every = "${ingest.youtube.websub.check-interval:10m}",
            delayed = "${ingest.youtube.websub.first-check-delay:30s}", concurrentExecution = ConcurrentExecution.SKIP)
    void checkOnSchedule() {
        check(clock.instant());
    }

    /**
     * Sends the subscriptions, renewals and unsubscriptions due at {@code now}. Scheduled; tests call it
     * with a later instant to stand for time passing.
     */
    public synchronized List<Outcome> check(Instant now) {
        if (subscriber == null) {
            return List.of();
        }
        List<Outcome> outcomes = subscriber.check(poller.channels(), now);
        for (Outcome outcome : outcomes) {
            String mode = outcome.request().mode().hubValue();
            meters.counter(METRIC, "mode", mode, "outcome", outcome.accepted() ? "accepted" : "failed").increment();
            if (outcome.accepted()) {
                LOG.debugf("WebSub %s for channel %s accepted by the hub", mode, outcome.request().channelId());
            } else {
                LOG.warnf("WebSub %s for channel %s failed (%s); retried at the next check", mode,
                        outcome.request().channelId(), outcome.error());
            }
        }
        return outcomes;
    }

    /** The hub's verification of a subscription to one of our channels, with the lease it granted. */
    public void verified(String channelId, Optional<Duration> grantedLease) {
        if (subscriber != null) {
            subscriber.verified(channelId, grantedLease, clock.instant());
        }
    }

    /** The hub denied a subscription to one of our channels: asked again at the next check. */
    public void denied(String channelId) {
        if (subscriber != null) {
            subscriber.denied(channelId);
        }
    }
}
