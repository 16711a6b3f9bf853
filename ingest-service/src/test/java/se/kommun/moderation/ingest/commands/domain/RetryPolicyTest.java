package se.kommun.moderation.ingest.commands.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0, 0.5,
            Duration.ofMinutes(15), false);

    @Test
    void backoffDoublesPerAttemptUpToTheCap() {
        // random 0 = no jitter taken off: the full backoff
        assertThat(policy.backoff(1, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(2, 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(3, 0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoff(4, 0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.backoff(5, 0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoff(40, 0)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void jitterTakesUpToItsShareOff() {
        assertThat(policy.backoff(3, 0.999_999)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(2001));
        assertThat(policy.backoff(3, 0.5)).isEqualTo(Duration.ofSeconds(3));
        RetryPolicy noJitter = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0, 0, Duration.ofMinutes(1), false);
        assertThat(noJitter.backoff(3, 0.9)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void retriesUntilTheLastAttemptThenGivesUp() {
        assertThat(policy.next(4, Optional.empty(), 0).delay()).contains(Duration.ofSeconds(8));
        RetryPolicy.Decision last = policy.next(5, Optional.empty(), 0);
        assertThat(last.delay()).isEmpty();
        assertThat(last.giveUpReason()).isEqualTo("gave up after 5 attempts");
    }

    @Test
    void retryAfterIsHonouredExactlyInsteadOfTheBackoff() {
        assertThat(policy.next(1, Optional.of(Duration.ofSeconds(42)), 0.7).delay()).contains(Duration.ofSeconds(42));
    }

    @Test
    void aRetryAfterLongerThanTheMaximumEndsTheCommand() {
        RetryPolicy.Decision decision = policy.next(1, Optional.of(Duration.ofHours(2)), 0);
        assertThat(decision.delay()).isEmpty();
        assertThat(decision.giveUpReason()).contains("7200 s").contains("900 s");
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 2, 0, Duration.ZERO, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0, Duration.ZERO, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 2, 1.5, Duration.ZERO, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
