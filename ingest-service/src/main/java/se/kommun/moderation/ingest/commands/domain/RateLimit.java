package se.kommun.moderation.ingest.commands.domain;

import java.time.Duration;

/** {@code requests} per {@code period}, with bursts of up to {@code burst}. */
public record RateLimit(int burst, int requests, Duration period) {

    public RateLimit {
        if (burst < 1 || requests < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs burst >= 1, requests >= 1 and a positive period");
        }
    }

    public double perSecond() {
        return requests / (period.toNanos() / 1e9);
    }
}
