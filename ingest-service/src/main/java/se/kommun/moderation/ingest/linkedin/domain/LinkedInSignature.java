package se.kommun.moderation.ingest.linkedin.domain;

import java.nio.charset.StandardCharsets;
import se.kommun.moderation.ingest.signature.HmacSignatures;

/**
 * {@code X-LI-Signature}. LinkedIn documents it as "the HMACSHA256 of the JSON-encoded POST body
 * prefixed by hmacsha256=", which is read two ways in the field (domain.md §5.4): the digest of
 * {@code "hmacsha256=" + body}, or a header {@code hmacsha256=<digest of body>}. Both are accepted,
 * nothing else (a bare digest of the body is neither reading); every comparison is constant-time.
 */
public final class LinkedInSignature {

    static final String PREFIX = "hmacsha256=";

    private LinkedInSignature() {
    }

    public static boolean isValid(String header, String clientSecret, byte[] body) {
        if (header == null || clientSecret == null) {
            return false;
        }
        String value = header.trim();
        byte[] prefixed = new byte[PREFIX.length() + body.length];
        System.arraycopy(PREFIX.getBytes(StandardCharsets.US_ASCII), 0, prefixed, 0, PREFIX.length());
        System.arraycopy(body, 0, prefixed, PREFIX.length(), body.length);
        boolean prefixedBodyDigest = HmacSignatures.hexEquals(value, HmacSignatures.hmacSha256(clientSecret, prefixed));
        boolean prefixedHeader = value.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
        boolean bodyDigest = prefixedHeader && HmacSignatures.hexEquals(value.substring(PREFIX.length()),
                HmacSignatures.hmacSha256(clientSecret, body));
        return prefixedBodyDigest | bodyDigest; // non-short-circuit: the first is always computed
    }

    /** The validation answer: hex HMAC-SHA256 of the challenge code with the client secret. */
    public static String challengeResponse(String clientSecret, String challengeCode) {
        return java.util.HexFormat.of().formatHex(
                HmacSignatures.hmacSha256(clientSecret, challengeCode.getBytes(StandardCharsets.UTF_8)));
    }
}
