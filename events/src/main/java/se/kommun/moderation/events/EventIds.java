package se.kommun.moderation.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids. A redelivered webhook or a replayed input yields the same id, which is
 * what lets every consumer recognise a duplicate by {@code eventId} alone.
 */
public final class EventIds {

    private EventIds() {
    }

    /** A name-based (RFC 4122 version 3) UUID of the parts, joined unambiguously. */
    public static UUID derive(String... parts) {
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            // Length-prefixing keeps ("a:b","c") and ("a","b:c") apart.
            name.append(part.length()).append(':').append(part).append('|');
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }
}
