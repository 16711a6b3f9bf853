package se.kommun.moderation.ingest.signature;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC signatures as the platforms use them. Every comparison is over raw bytes and in constant
 * time ({@link MessageDigest#isEqual}), so the time taken says nothing about how much of a forged
 * signature was right.
 */
public final class HmacSignatures {

    private static final int MAX_KEYS_PER_THREAD = 16;
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadLocal<Map<String, Mac>> MACS = ThreadLocal.withInitial(HashMap::new);
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    });

    private HmacSignatures() {
    }

    public static byte[] hmacSha256(String secret, byte[] message) {
        return hmac("HmacSHA256", secret, message);
    }

    public static byte[] hmac(String algorithm, String secret, byte[] message) {
        return initialisedMac(algorithm, secret).doFinal(message);
    }

    /**
     * A thread's Mac for one algorithm and secret, keyed once. Every webhook request checks a
     * signature, and the provider lookup and key set-up cost as much as hashing a small body;
     * {@code doFinal} leaves the Mac ready for the next message.
     */
    private static Mac initialisedMac(String algorithm, String secret) {
        Map<String, Mac> macs = MACS.get();
        String key = algorithm + '\u0000' + secret;
        Mac mac = macs.get(key);
        if (mac == null) {
            try {
                mac = Mac.getInstance(algorithm);
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException(algorithm + " is unavailable", e);
            }
            if (macs.size() >= MAX_KEYS_PER_THREAD) {
                macs.clear(); // secrets rotate; never let old ones pile up
            }
            macs.put(key, mac);
        }
        return mac;
    }

    /**
     * Checks a header of the form {@code <prefix><hex digest>} (e.g. {@code sha256=ab12…}) against the
     * HMAC-SHA256 of the raw body. A missing, malformed or wrong header is simply not valid.
     */
    public static boolean isValidHexSha256(String header, String prefix, String secret, byte[] rawBody) {
        if (header == null || secret == null || !header.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header.substring(prefix.length()).trim());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(claimed, hmacSha256(secret, rawBody));
    }

    /** As {@link #isValidHexSha256} for headers carrying base64 (X: {@code sha256=<base64>}). */
    public static boolean isValidBase64Sha256(String header, String prefix, String secret, byte[] rawBody) {
        if (header == null || secret == null || !header.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(header.substring(prefix.length()).trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(claimed, hmacSha256(secret, rawBody));
    }

    /** Constant-time comparison of a hex digest someone claims with the one we computed. */
    public static boolean hexEquals(String claimedHex, byte[] expected) {
        if (claimedHex == null) {
            return false;
        }
        try {
            return MessageDigest.isEqual(HexFormat.of().parseHex(claimedHex.trim()), expected);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }

    /** Lower-case hex of the SHA-256 of {@code bytes}, as {@link HexFormat} writes it. */
    public static String sha256Hex(byte[] bytes) {
        return lowerHex(SHA256.get().digest(bytes));
    }

    /**
     * By table, straight to a Latin-1 string: the edge hashes every comment's fragment, and
     * {@link HexFormat#formatHex} (a StringBuilder, a delimiter check per byte) was a fifth of that.
     */
    static String lowerHex(byte[] bytes) {
        byte[] hex = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            hex[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xF];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }
}
