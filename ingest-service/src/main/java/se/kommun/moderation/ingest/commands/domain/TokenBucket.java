package se.kommun.moderation.ingest.commands.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: up to {@code capacity} calls at once, refilled at {@code refillPerSecond}. Time is
 * passed in, so tests need no clock. Thread-safe.
 */
public final class TokenBucket {

    /** Refills are sums of fractions: a token that is there up to rounding counts. */
    private static final double EPSILON = 1e-9;

    private final double capacity;
    private final double refillPerSecond;
    private double tokens;
    private Instant last;
    private Instant pausedUntil = Instant.MIN;

    public TokenBucket(int capacity, double refillPerSecond, Instant now) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("capacity must be >= 1 and the refill rate > 0");
        }
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.tokens = capacity;
        this.last = now;
    }

    /** Takes a token and answers {@link Duration#ZERO}, or takes none and answers how long until one is there. */
    public synchronized Duration tryTake(Instant now) {
        refill(now);
        if (now.isBefore(pausedUntil)) {
            return Duration.between(now, pausedUntil);
        }
        if (tokens >= 1 - EPSILON) {
            tokens = Math.max(0, tokens - 1);
            return Duration.ZERO;
        }
        long millis = (long) Math.ceil((1 - tokens) / refillPerSecond * 1000 - EPSILON);
        return Duration.ofMillis(Math.max(1, millis));
    }

    /** The platform said to wait (429 with Retry-After): no call for this account until then. */
    public synchronized void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
            // One call when the pause ends, then the normal rate.
            tokens = 1;
            last = until;
        }
    }

    private void refill(Instant now) {
        if (now.isAfter(last)) {
            double seconds = Duration.between(last, now).toNanos() / 1e9;
            tokens = Math.min(capacity, tokens + seconds * refillPerSecond);
            last = now;
        }
    }
}
