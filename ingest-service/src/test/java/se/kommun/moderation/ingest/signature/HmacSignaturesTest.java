package se.kommun.moderation.ingest.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HmacSignaturesTest {

    private static final byte[] BODY = "{\"id\":\"1\",\"text\":\"hej\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesAKnownHmacSha256Vector() {
        // RFC 4231 test case 2
        byte[] mac = HmacSignatures.hmacSha256("Jefe",
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(mac))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void acceptsTheRightSignatureInEitherCase() {
        String hex = HexFormat.of().formatHex(HmacSignatures.hmacSha256("s3cret", BODY));
        assertThat(HmacSignatures.isValidHexSha256("sha256=" + hex, "sha256=", "s3cret", BODY)).isTrue();
        assertThat(HmacSignatures.isValidHexSha256("sha256=" + hex.toUpperCase(), "sha256=", "s3cret", BODY)).isTrue();
    }

    @Test
    void rejectsWrongMissingAndMalformedSignatures() {
        String hex = HexFormat.of().formatHex(HmacSignatures.hmacSha256("s3cret", BODY));
        assertThat(HmacSignatures.isValidHexSha256("sha256=" + hex, "sha256=", "other", BODY)).isFalse();
        assertThat(HmacSignatures.isValidHexSha256(null, "sha256=", "s3cret", BODY)).isFalse();
        assertThat(HmacSignatures.isValidHexSha256(hex, "sha256=", "s3cret", BODY)).isFalse();
        assertThat(HmacSignatures.isValidHexSha256("sha256=zz", "sha256=", "s3cret", BODY)).isFalse();
        assertThat(HmacSignatures.isValidHexSha256("sha256=" + hex.substring(2), "sha256=", "s3cret", BODY)).isFalse();
    }

    @Test
    void aSingleChangedByteInvalidatesTheSignature() {
        String header = "sha256=" + HexFormat.of().formatHex(HmacSignatures.hmacSha256("s3cret", BODY));
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 3] ^= 1;
        assertThat(HmacSignatures.isValidHexSha256(header, "sha256=", "s3cret", tampered)).isFalse();
    }
}
