package se.kommun.moderation.ingest.commands.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import se.kommun.moderation.events.Platform;

/** One {@link TokenBucket} per platform and account, each with its platform's limit. Per instance. */
public final class RateLimiter {

    private final Function<Platform, RateLimit> limits;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Function<Platform, RateLimit> limits) {
        this.limits = limits;
    }

    /** {@link Duration#ZERO} when a call may be made now (and counts it), else how long to wait. */
    public Duration tryAcquire(Platform platform, String accountId, Instant now) {
        return bucket(platform, accountId, now).tryTake(now);
    }

    public void pauseUntil(Platform platform, String accountId, Instant now, Instant until) {
        bucket(platform, accountId, now).pauseUntil(until);
    }

    private TokenBucket bucket(Platform platform, String accountId, Instant now) {
        return buckets.computeIfAbsent(platform.id() + ':' + accountId, key -> {
            RateLimit limit = limits.apply(platform);
            return new TokenBucket(limit.burst(), limit.perSecond(), now);
        });
    }
}
