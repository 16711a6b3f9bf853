package se.kommun.moderation.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * What we received, byte for byte, so the archive can prove it: the SHA-256 of the whole request
 * body, and the fragment that concerns this comment (the exact bytes) with its own hash.
 *
 * <p>On the wire the fragment is the base64 field {@code fragmentBase64}. It is held as bytes so that
 * the codec encodes it straight into the output ({@link Base64FragmentSerializer}): at a batch of 50
 * comments, encoding it to a string first and escaping that string was a tenth of the ingest edge's
 * event-loop time.
 */
public record RawPayload(String bodySha256, String contentType,
        @JsonProperty("fragmentBase64") @JsonSerialize(using = Base64FragmentSerializer.class) byte[] fragment,
        String fragmentSha256) {

    public RawPayload {
        Objects.requireNonNull(bodySha256, "raw.bodySha256 is required");
        Objects.requireNonNull(fragment, "raw.fragmentBase64 is required");
        Objects.requireNonNull(fragmentSha256, "raw.fragmentSha256 is required");
        fragment = fragment.clone();
    }

    /** From the wire form: the fragment as standard base64. */
    public static RawPayload ofBase64(String bodySha256, String contentType, String fragmentBase64,
            String fragmentSha256) {
        Objects.requireNonNull(fragmentBase64, "raw.fragmentBase64 is required");
        return new RawPayload(bodySha256, contentType, Base64.getDecoder().decode(fragmentBase64), fragmentSha256);
    }

    /** A copy: the record stays immutable. */
    @Override
    public byte[] fragment() {
        return fragment.clone();
    }

    /** The fragment itself, not a copy, for the codec's writers in this package: they only read it. */
    byte[] fragmentView() {
        return fragment;
    }

    /** The fragment as the wire carries it. */
    public String fragmentBase64() {
        return Base64.getEncoder().encodeToString(fragment);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawPayload that && bodySha256.equals(that.bodySha256)
                && Objects.equals(contentType, that.contentType) && Arrays.equals(fragment, that.fragment)
                && fragmentSha256.equals(that.fragmentSha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bodySha256, contentType, Arrays.hashCode(fragment), fragmentSha256);
    }

    /** Without the fragment: it is what a citizen wrote, and may be confidential. */
    @Override
    public String toString() {
        return "RawPayload[bodySha256=" + bodySha256 + ", contentType=" + contentType + ", fragment="
                + fragment.length + " bytes, fragmentSha256=" + fragmentSha256 + "]";
    }
}
