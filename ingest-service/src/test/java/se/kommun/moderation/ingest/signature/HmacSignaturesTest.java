package se.kommun.moderation.ingest.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
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

    @Test
    void sha256HexIsTheStandardLowerCaseDigestForEveryLength() throws Exception {
        Random random = new Random(3);
        for (int length = 0; length < 300; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            assertThat(HmacSignatures.sha256Hex(bytes)).isEqualTo(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        // FIPS 180-2's "abc"
        assertThat(HmacSignatures.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
