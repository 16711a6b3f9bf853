package se.kommun.moderation.ingest.commands.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.Platform;

class TokenBucketTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void allowsABurstThenOneCallPerRefillInterval() {
        TokenBucket bucket = new TokenBucket(3, 2.0, T0); // 2 per second
        assertThat(bucket.tryTake(T0)).isZero();
        assertThat(bucket.tryTake(T0)).isZero();
        assertThat(bucket.tryTake(T0)).isZero();
        assertThat(bucket.tryTake(T0)).isEqualTo(Duration.ofMillis(500));
        assertThat(bucket.tryTake(T0.plusMillis(499))).isEqualTo(Duration.ofMillis(1));
        assertThat(bucket.tryTake(T0.plusMillis(500))).isZero();
        assertThat(bucket.tryTake(T0.plusMillis(500))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 1.0, T0);
        Instant later = T0.plus(Duration.ofHours(1));
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aPauseHoldsEveryCallUntilItEndsThenAllowsOne() {
        TokenBucket bucket = new TokenBucket(10, 1.0, T0);
        bucket.pauseUntil(T0.plusSeconds(30));
        assertThat(bucket.tryTake(T0.plusSeconds(1))).isEqualTo(Duration.ofSeconds(29));
        assertThat(bucket.tryTake(T0.plusSeconds(30))).isZero();
        assertThat(bucket.tryTake(T0.plusSeconds(30))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theLimiterKeepsOneBucketPerPlatformAndAccount() {
        RateLimiter limiter = new RateLimiter(platform -> new RateLimit(1, 1, Duration.ofMinutes(1)));
        assertThat(limiter.tryAcquire(Platform.FACEBOOK, "page-1", T0)).isZero();
        assertThat(limiter.tryAcquire(Platform.FACEBOOK, "page-1", T0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(limiter.tryAcquire(Platform.FACEBOOK, "page-2", T0)).isZero();
        assertThat(limiter.tryAcquire(Platform.INSTAGRAM, "page-1", T0)).isZero();
    }

    @Test
    void aRateLimitReadsAsRequestsPerPeriod() {
        assertThat(new RateLimit(5, 50, Duration.ofMinutes(15)).perSecond()).isCloseTo(50 / 900.0,
                org.assertj.core.data.Offset.offset(1e-9));
    }
}
