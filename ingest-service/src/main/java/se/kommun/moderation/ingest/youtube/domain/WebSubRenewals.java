package se.kommun.moderation.ingest.youtube.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, at one check, which channels the hub must hear about: every channel of ours without a
 * subscription, with a failed last request or past {@link WebSubLease#RENEW_AFTER} of its lease is
 * (re-)subscribed; every channel we hold a lease for that is no longer ours is unsubscribed, again at
 * every check until the hub accepts (leases that silently run out would otherwise be the only way out).
 */
public final class WebSubRenewals {

    private WebSubRenewals() {
    }

    /**
     * @param ours the channels we want notifications for, in their order
     * @param leases what is stored, by channel
     */
    public static List<WebSubRequest> due(Collection<String> ours, Map<String, WebSubLease> leases, Instant now) {
        List<WebSubRequest> requests = new ArrayList<>();
        Set<String> wanted = new LinkedHashSet<>(ours);
        for (String channel : wanted) {
            WebSubLease lease = leases.get(channel);
            if (lease == null || lease.dueAt(now)) {
                requests.add(WebSubRequest.subscribe(channel));
            }
        }
        for (String channel : leases.keySet()) {
            if (!wanted.contains(channel)) {
                requests.add(WebSubRequest.unsubscribe(channel));
            }
        }
        return requests;
    }
}
