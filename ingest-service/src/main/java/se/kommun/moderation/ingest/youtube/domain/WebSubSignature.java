package se.kommun.moderation.ingest.youtube.domain;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import se.kommun.moderation.ingest.signature.HmacSignatures;

/**
 * Checks {@code X-Hub-Signature: <method>=<hex HMAC(raw body, hub secret)>}. Google's hub signs with
 * {@code sha1} (PubSubHubbub 0.4 §8); W3C WebSub also allows sha256, sha384 and sha512 (§7.1), which
 * are accepted too. The comparison is over raw bytes and in constant time.
 */
public final class WebSubSignature {

    /** What a notification's signature header says. */
    public enum Verdict { VALID, MISSING, INVALID }

    private static final Map<String, String> ALGORITHMS = Map.of(
            "sha1", "HmacSHA1", "sha256", "HmacSHA256", "sha384", "HmacSHA384", "sha512", "HmacSHA512");

    private WebSubSignature() {
    }

    public static Verdict check(String header, String secret, byte[] rawBody) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        int equals = header.indexOf('=');
        String method = equals < 0 ? "" : header.substring(0, equals).trim().toLowerCase(Locale.ROOT);
        String algorithm = ALGORITHMS.get(method);
        if (algorithm == null) {
            return Verdict.INVALID;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header.substring(equals + 1).trim());
        } catch (IllegalArgumentException notHex) {
            return Verdict.INVALID;
        }
        return MessageDigest.isEqual(claimed, HmacSignatures.hmac(algorithm, secret, rawBody))
                ? Verdict.VALID : Verdict.INVALID;
    }
}
