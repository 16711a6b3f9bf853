package se.kommun.moderation.ingest.youtube.domain;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the hub subscribed to the video feed of each channel of ours (YouTube's push only says "poll
 * this channel now", domain.md §5.2, but without it new videos wait for the next scheduled poll).
 * A lease runs from the hub's acceptance with the lease we asked for until the hub's verification
 * tells us the one it granted; {@link WebSubRenewals} decides what is due.
 */
public final class WebSubSubscriber {

    /** What one request came to; {@code error} is null when the hub accepted it. */
    public record Outcome(WebSubRequest request, String error) {

        public boolean accepted() {
            return error == null;
        }
    }

    private final WebSubHub hub;
    private final WebSubLeaseStore store;
    private final Duration requestedLease;

    public WebSubSubscriber(WebSubHub hub, WebSubLeaseStore store, Duration requestedLease) {
        this.hub = hub;
        this.store = store;
        this.requestedLease = requestedLease;
    }

    /** Sends every request due at {@code now}; a failure is stored, and so retried at the next check. */
    public List<Outcome> check(Collection<String> ours, Instant now) {
        List<Outcome> outcomes = new ArrayList<>();
        for (WebSubRequest request : WebSubRenewals.due(ours, store.all(), now)) {
            String error = send(request);
            if (error != null) {
                store.failed(request.channelId(), error);
            } else if (request.mode() == WebSubRequest.Mode.SUBSCRIBE) {
                store.granted(request.channelId(), now, now.plus(requestedLease));
            } else {
                store.forget(request.channelId());
            }
            outcomes.add(new Outcome(request, error));
        }
        return outcomes;
    }

    /**
     * The hub verified a subscription of ours: the lease it granted (else the one asked for) starts now.
     * Never longer than the one asked for: the verification is unauthenticated, and a stranger's long
     * lease would stop the renewals.
     */
    public void verified(String channelId, Optional<Duration> grantedLease, Instant now) {
        Duration lease = grantedLease.filter(granted -> !granted.isNegative() && !granted.isZero())
                .filter(granted -> granted.compareTo(requestedLease) < 0).orElse(requestedLease);
        store.granted(channelId, now, now.plus(lease));
    }

    /** The hub refused a subscription of ours; the next check asks again. */
    public void denied(String channelId) {
        store.failed(channelId, "denied by the hub");
    }

    private String send(WebSubRequest request) {
        try {
            int status = hub.send(request);
            return status == 202 || status == 204 ? null : "HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        }
    }
}
