package se.kommun.moderation.ingest.youtube.domain;

import java.time.Instant;
import java.util.Map;

/** Where the subscriptions' leases are kept, so that a restart knows what to renew and what to cancel. */
public interface WebSubLeaseStore {

    /** Every channel we hold (or tried to get) a subscription for, by channel. */
    Map<String, WebSubLease> all();

    /** The hub accepted or verified a subscription lasting until {@code until}; clears an error. */
    void granted(String channelId, Instant from, Instant until);

    /** A request about the channel failed; the lease (if any) stays as it was. */
    void failed(String channelId, String error);

    /** The hub accepted our unsubscription: nothing left to renew or cancel. */
    void forget(String channelId);
}
