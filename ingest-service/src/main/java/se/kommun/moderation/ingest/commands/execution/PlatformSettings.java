package se.kommun.moderation.ingest.commands.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.commands.config.CommandsConfig;
import se.kommun.moderation.ingest.commands.domain.FacebookAdapter;
import se.kommun.moderation.ingest.commands.domain.InstagramAdapter;
import se.kommun.moderation.ingest.commands.domain.LinkedInAdapter;
import se.kommun.moderation.ingest.commands.domain.PlatformAdapter;
import se.kommun.moderation.ingest.commands.domain.RateLimit;
import se.kommun.moderation.ingest.commands.domain.RetryPolicy;
import se.kommun.moderation.ingest.commands.domain.WebCallbackAdapter;
import se.kommun.moderation.ingest.commands.domain.XAdapter;
import se.kommun.moderation.ingest.commands.domain.YouTubeAdapter;
import se.kommun.moderation.ingest.youtube.config.YouTubeConfig;

/** Turns configuration into adapters, rate limits and the retry policy, with each platform's defaults. */
@ApplicationScoped
public class PlatformSettings {

    @Inject
    CommandsConfig config;

    @Inject
    YouTubeConfig youtube;

    public CommandsConfig.Target target(Platform platform) {
        return switch (platform) {
            case FACEBOOK -> config.facebook();
            case INSTAGRAM -> config.instagram();
            case X -> config.x();
            case LINKEDIN -> config.linkedin();
            case YOUTUBE -> config.youtube();
            case WEB -> config.web();
            case BLOG -> config.blog();
        };
    }

    public List<PlatformAdapter> adapters() {
        return List.of(
                new FacebookAdapter(config.facebook().baseUrl().orElse(FacebookAdapter.DEFAULT_BASE_URL)),
                new InstagramAdapter(config.instagram().baseUrl().orElse(InstagramAdapter.DEFAULT_BASE_URL)),
                new XAdapter(config.x().baseUrl().orElse(XAdapter.DEFAULT_BASE_URL)),
                new LinkedInAdapter(config.linkedin().baseUrl().orElse(LinkedInAdapter.DEFAULT_BASE_URL),
                        config.linkedin().apiVersion().orElse(LinkedInAdapter.DEFAULT_VERSION)),
                // The poller's base URL, unless the commands have their own.
                new YouTubeAdapter(config.youtube().baseUrl().orElse(youtube.baseUrl())),
                new WebCallbackAdapter(Platform.WEB),
                new WebCallbackAdapter(Platform.BLOG));
    }

    /**
     * Each platform's default limit, per account, well inside what the platform allows: X's hide
     * endpoint allows 50 calls per 15 minutes per user, YouTube's quota makes every moderation call
     * cost 50 of 10,000 daily units, Graph and LinkedIn limits are per app and page.
     */
    public RateLimit rateLimit(Platform platform) {
        RateLimit fallback = switch (platform) {
            case FACEBOOK, INSTAGRAM -> new RateLimit(10, 60, Duration.ofMinutes(1));
            case X -> new RateLimit(5, 50, Duration.ofMinutes(15));
            case LINKEDIN -> new RateLimit(5, 30, Duration.ofMinutes(1));
            case YOUTUBE -> new RateLimit(5, 10, Duration.ofMinutes(1));
            case WEB, BLOG -> new RateLimit(20, 300, Duration.ofMinutes(1));
        };
        CommandsConfig.RateLimitConfig configured = target(platform).rateLimit();
        return new RateLimit(configured.burst().orElse(fallback.burst()),
                configured.requests().orElse(fallback.requests()), configured.period().orElse(fallback.period()));
    }

    public RetryPolicy retryPolicy() {
        CommandsConfig.Retry retry = config.retry();
        return new RetryPolicy(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff(), retry.multiplier(),
                retry.jitter(), retry.maxRetryAfter(), retry.retryAmbiguousReplies());
    }
}
