package se.kommun.moderation.ingest.youtube.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What we know of one channel's WebSub subscription at the hub: when the lease began (the hub's
 * verification, else its acceptance of our request) and when it ends, or why our last request to the
 * hub failed. Both instants are null until the hub first accepted a subscription.
 *
 * @param lastError the hub's status or the failure's class, never a secret; null after a success
 */
public record WebSubLease(String channelId, Instant subscribedAt, Instant leaseUntil, String lastError) {

    /** The share of a granted lease after which it is renewed: early enough to survive a few failed checks. */
    public static final double RENEW_AFTER = 0.8;

    public boolean failed() {
        return lastError != null;
    }

    /** When the subscription should be renewed; null if it was never granted. */
    public Instant renewAt() {
        if (subscribedAt == null || leaseUntil == null) {
            return null;
        }
        Duration lease = Duration.between(subscribedAt, leaseUntil);
        if (lease.isNegative()) {
            return subscribedAt;
        }
        return subscribedAt.plusMillis((long) (lease.toMillis() * RENEW_AFTER));
    }

    /** A failed request, a subscription never granted, or one past 80 % of its lease is (re-)sent now. */
    public boolean dueAt(Instant now) {
        Instant renewAt = renewAt();
        return failed() || renewAt == null || !now.isBefore(renewAt);
    }
}
