package se.kommun.moderation.archive.records.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.MalformedEventException;

/**
 * One poll of {@code comments.received}, sorted into what can be stored and what cannot. Plain
 * code: decoding, checking the raw fragment against its hash, and dropping duplicates within the
 * batch happen here; the adapter only moves bytes.
 */
public final class IntakeBatch {

    /** A polled record's value with where it came from (for the dead-letter headers). */
    public record Polled(String key, String value, String topic, int partition, long offset) {
    }

    /** A decoded, verified comment, ready to be versioned. */
    public record Accepted(Polled source, EventEnvelope<CommentReceived> event, byte[] fragment) {
    }

    /** A record that can never be stored, with a reason that names no content. */
    public record Rejected(Polled source, String reason) {
    }

    private final List<Accepted> accepted;
    private final List<Rejected> rejected;

    private IntakeBatch(List<Accepted> accepted, List<Rejected> rejected) {
        this.accepted = accepted;
        this.rejected = rejected;
    }

    public static IntakeBatch of(List<Polled> polled) {
        EventCodec codec = EventCodec.instance();
        List<Accepted> accepted = new ArrayList<>(polled.size());
        List<Rejected> rejected = new ArrayList<>();
        Set<UUID> seen = new java.util.HashSet<>();
        for (Polled record : polled) {
            try {
                EventEnvelope<CommentReceived> event = codec.decode(record.value(), CommentReceived.class);
                byte[] fragment = RawIntegrity.verifiedFragment(event.payload().raw());
                if (!event.commentKey().equals(event.payload().commentKey().toString())) {
                    throw new MalformedEventException("envelope commentKey does not match the payload's");
                }
                if (seen.add(event.eventId())) {
                    accepted.add(new Accepted(record, event, fragment));
                }
            } catch (MalformedEventException | IllegalArgumentException e) {
                rejected.add(new Rejected(record, e.getMessage()));
            }
        }
        return new IntakeBatch(accepted, rejected);
    }

    public List<Accepted> accepted() {
        return accepted;
    }

    public List<Rejected> rejected() {
        return rejected;
    }

    /** The comment keys of the accepted events, in first-seen order. */
    public List<String> commentKeys() {
        Set<String> keys = new LinkedHashSet<>();
        accepted.forEach(a -> keys.add(a.event().commentKey()));
        return List.copyOf(keys);
    }

    /**
     * Assigns version numbers: the events not stored before, in poll order (one partition per
     * comment key keeps a comment's events in order), each the next after the comment's highest.
     */
    public static List<Versioned> version(List<Accepted> accepted, Set<UUID> alreadyStored,
            Map<String, Integer> highestVersion) {
        Map<String, Integer> next = new HashMap<>(highestVersion);
        List<Versioned> out = new ArrayList<>(accepted.size());
        for (Accepted a : accepted) {
            if (alreadyStored.contains(a.event().eventId())) {
                continue;
            }
            int version = next.merge(a.event().commentKey(), 1, Integer::sum);
            out.add(new Versioned(a, version));
        }
        return out;
    }

    public record Versioned(Accepted accepted, int version) {
    }
}
