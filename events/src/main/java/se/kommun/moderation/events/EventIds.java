package se.kommun.moderation.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic event ids. A redelivered webhook or a replayed input yields the same id, which is
 * what lets every consumer recognise a duplicate by {@code eventId} alone.
 */
public final class EventIds {

    /**
     * One digest per thread: {@link UUID#nameUUIDFromBytes} looks MD5 up among the security providers
     * on every call, which at one id per comment showed in the ingest edge's profile.
     */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    });

    private EventIds() {
    }

    /**
     * A name-based (RFC 4122 version 3) UUID of the parts, joined unambiguously: the same UUID as
     * {@link UUID#nameUUIDFromBytes} of that name.
     */
    public static UUID derive(String... parts) {
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            // Length-prefixing keeps ("a:b","c") and ("a","b:c") apart.
            name.append(part.length()).append(':').append(part).append('|');
        }
        byte[] md5 = MD5.get().digest(name.toString().getBytes(StandardCharsets.UTF_8));
        md5[6] = (byte) ((md5[6] & 0x0f) | 0x30); // version 3
        md5[8] = (byte) ((md5[8] & 0x3f) | 0x80); // IETF variant
        return new UUID(bits(md5, 0), bits(md5, 8));
    }

    private static long bits(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }
}
