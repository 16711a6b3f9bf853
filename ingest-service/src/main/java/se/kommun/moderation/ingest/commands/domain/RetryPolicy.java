package se.kommun.moderation.ingest.commands.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * When to try again: exponential backoff with jitter, or exactly what the platform asked for
 * (Retry-After), within a number of attempts.
 *
 * @param maxAttempts           attempts in all, the first included
 * @param initialBackoff        the wait after the first failed attempt (before jitter)
 * @param maxBackoff            the longest computed wait
 * @param multiplier            growth per attempt
 * @param jitter                0..1: the wait is drawn from [(1 - jitter) × backoff, backoff]
 * @param maxRetryAfter         a platform asking for a longer wait than this ends the command as FAILED
 * @param retryAmbiguousReplies whether a REPLY is repeated after an attempt whose outcome is unknown
 *                              (no answer in time, connection lost after sending): off, so a reply is
 *                              never posted twice; the result then says to check the platform
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
        double jitter, Duration maxRetryAfter, boolean retryAmbiguousReplies) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be within 0..1");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
        }
    }

    /** Either a wait before the next attempt, or why there is none. */
    public record Decision(Optional<Duration> delay, String giveUpReason) {

        static Decision retryAfter(Duration delay) {
            return new Decision(Optional.of(delay), null);
        }

        static Decision giveUp(String reason) {
            return new Decision(Optional.empty(), reason);
        }
    }

    /**
     * @param attemptsMade how many attempts were made so far (at least 1)
     * @param retryAfter   what the platform asked for, if anything
     * @param random       a draw from [0, 1)
     */
    public Decision next(int attemptsMade, Optional<Duration> retryAfter, double random) {
        if (attemptsMade >= maxAttempts) {
            return Decision.giveUp("gave up after " + attemptsMade + " attempt" + (attemptsMade == 1 ? "" : "s"));
        }
        if (retryAfter.isPresent()) {
            if (retryAfter.get().compareTo(maxRetryAfter) > 0) {
                return Decision.giveUp("the platform asked to wait " + retryAfter.get().toSeconds()
                        + " s, longer than the configured maximum of " + maxRetryAfter.toSeconds() + " s");
            }
            return Decision.retryAfter(retryAfter.get());
        }
        return Decision.retryAfter(backoff(attemptsMade, random));
    }

    /** The wait after the {@code attemptsMade}th failed attempt. */
    public Duration backoff(int attemptsMade, double random) {
        double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attemptsMade - 1));
        double capped = Math.min(base, maxBackoff.toMillis());
        double drawn = capped * (1 - jitter * Math.min(Math.max(random, 0), 1));
        return Duration.ofMillis(Math.round(drawn));
    }
}
