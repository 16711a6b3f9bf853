package se.kommun.moderation.ingest.signature;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The shapes of what a platform's handshake sends us to answer. X's CRC and LinkedIn's validation
 * answer with an HMAC under the same secret that signs deliveries, so an endpoint that answered any
 * token would sign any body a stranger chose (a signing oracle). A handshake is therefore answered
 * only for a token of its platform's shape, and no such token can be a delivery: deliveries are JSON
 * objects, and neither shape admits {@code {}, {@code "} or whitespace.
 *
 * <ul>
 * <li>X's {@code crc_token} and the echoed {@code hub.challenge} of Meta and WebSub: opaque strings
 * that are URL- and base64-safe, at most {@value #MAX_TOKEN_LENGTH} characters.</li>
 * <li>LinkedIn's {@code challengeCode}: a version-4 UUID (domain.md §5.4).</li>
 * </ul>
 */
public final class HandshakeTokens {

    static final int MAX_TOKEN_LENGTH = 255;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]{1," + MAX_TOKEN_LENGTH + "}");
    private static final Pattern UUID_V4 = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");

    private HandshakeTokens() {
    }

    /** An X {@code crc_token}, or a Meta / WebSub {@code hub.challenge}. */
    public static boolean isToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** A LinkedIn {@code challengeCode}. */
    public static boolean isChallengeCode(String code) {
        return code != null && UUID_V4.matcher(code).matches();
    }

    /**
     * Whether a body could be something a handshake answered for: its signature may then have come
     * from our own handshake rather than from the platform, and it is not taken as signed.
     */
    public static boolean couldBeAHandshakeToken(byte[] body) {
        if (body.length > MAX_TOKEN_LENGTH) {
            return false;
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        return isToken(text) || isChallengeCode(text);
    }
}
