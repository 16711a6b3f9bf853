package se.kommun.moderation.events;

import java.util.Objects;

/**
 * What we received, byte for byte, so the archive can prove it: the SHA-256 of the whole request
 * body, and the fragment that concerns this comment (base64 of the exact bytes) with its own hash.
 */
public record RawPayload(String bodySha256, String contentType, String fragmentBase64, String fragmentSha256) {

    public RawPayload {
        Objects.requireNonNull(bodySha256, "raw.bodySha256 is required");
        Objects.requireNonNull(fragmentBase64, "raw.fragmentBase64 is required");
        Objects.requireNonNull(fragmentSha256, "raw.fragmentSha256 is required");
    }
}
