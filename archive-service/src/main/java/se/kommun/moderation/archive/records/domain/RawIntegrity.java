package se.kommun.moderation.archive.records.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import se.kommun.moderation.events.MalformedEventException;
import se.kommun.moderation.events.RawPayload;

/** The archive keeps the bytes it was told about, and checks that they are the bytes that were hashed. */
public final class RawIntegrity {

    private RawIntegrity() {
    }

    /** The fragment's bytes, once their SHA-256 is shown to match the one the edge computed. */
    public static byte[] verifiedFragment(RawPayload raw) {
        byte[] bytes = raw.fragment();
        if (!sha256Hex(bytes).equalsIgnoreCase(raw.fragmentSha256())) {
            throw new MalformedEventException("raw fragment does not match its SHA-256");
        }
        return bytes;
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
