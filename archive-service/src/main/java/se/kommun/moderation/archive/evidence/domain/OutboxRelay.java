package se.kommun.moderation.archive.evidence.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Moves stored events to the broker: each pending event is sent and marked published only once the
 * broker acknowledged it. A failure leaves the event pending (with the reason) for the next run, and
 * ends the run, since the broker is most likely unavailable for the rest too. An event may thus be
 * sent more than once (sent, acknowledged, then the mark lost); consumers recognise it by its id.
 */
public final class OutboxRelay {

    /** A stored event waiting for the broker. */
    public record Pending(UUID eventId, String key, String payload) {
    }

    public interface Store {
        List<Pending> due(Instant now, int limit);

        void published(UUID eventId, Instant at);

        void failed(UUID eventId, String reason);
    }

    @FunctionalInterface
    public interface Sender {
        /** Returns once the broker acknowledged the record; throws otherwise (including on timeout). */
        void send(String key, String payload) throws Exception;
    }

    private final Store store;
    private final Sender sender;

    public OutboxRelay(Store store, Sender sender) {
        this.store = store;
        this.sender = sender;
    }

    /** Sends what is due; returns how many were acknowledged. */
    public int relay(Instant now, int limit) {
        return relay(store.due(now, limit), now);
    }

    public int relay(List<Pending> pending, Instant now) {
        int sent = 0;
        for (Pending event : pending) {
            try {
                sender.send(event.key(), event.payload());
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                store.failed(event.eventId(), e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())));
                return sent;
            }
            store.published(event.eventId(), now);
            sent++;
        }
        return sent;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
