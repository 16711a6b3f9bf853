package se.kommun.moderation.archive.evidence.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the egress filter turned away (and what it could not reach) during one capture, so the
 * bundle can say why a page was not opened or which of its parts are missing. Bounded: a page
 * that fires thousands of blocked requests keeps only the latest few and a count. Thread-safe
 * (the proxy's connections write, the capture reads).
 */
public final class EgressLog {

    /** One request that did not get through. */
    public record Entry(String host, int port, boolean refused, String reason) {
    }

    private static final int KEPT = 64;
    private static final int HOSTS_LISTED = 3;

    private final Deque<Entry> entries = new ArrayDeque<>();
    private int refusals;

    public synchronized void refused(EgressRefusal refusal) {
        refusals++;
        keep(new Entry(refusal.host(), refusal.port(), true, refusal.reason()));
    }

    /** The request was allowed, but its host did not answer; {@code netError} is Chromium's name for why. */
    public synchronized void unreachable(String host, int port, String netError) {
        keep(new Entry(host, port, false, netError));
    }

    public synchronized int refusals() {
        return refusals;
    }

    public synchronized Optional<Entry> latest() {
        return Optional.ofNullable(entries.peekLast());
    }

    /** The latest entry for this destination. */
    public synchronized Optional<Entry> latestFor(String host, int port) {
        var it = entries.descendingIterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (e.host().equals(host) && e.port() == port) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * For a page that was captured: how many of its requests were blocked and to where (a few
     * destinations, host names only), since the screenshot may lack what they would have shown.
     */
    public synchronized Optional<String> blockedCaveat() {
        if (refusals == 0) {
            return Optional.empty();
        }
        Set<String> destinations = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (e.refused()) {
                destinations.add(HostNames.shown(e.host(), e.port()));
            }
        }
        List<String> listed = new ArrayList<>(destinations).subList(0, Math.min(HOSTS_LISTED, destinations.size()));
        int more = destinations.size() - listed.size();
        return Optional.of(String.format(Locale.ROOT,
                "%d %s of the page to hosts that are not allowed %s blocked (%s%s); the screenshot may lack what"
                        + " they would have shown",
                refusals, refusals == 1 ? "request" : "requests", refusals == 1 ? "was" : "were",
                String.join(", ", listed), more > 0 ? " and " + more + " more" : ""));
    }

    private void keep(Entry entry) {
        if (entries.size() == KEPT) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }
}
