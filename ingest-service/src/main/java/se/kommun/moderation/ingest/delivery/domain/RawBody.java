package se.kommun.moderation.ingest.delivery.domain;

import se.kommun.moderation.events.RawPayload;
import se.kommun.moderation.ingest.signature.HmacSignatures;

/** A request body as received, hashed once. */
public record RawBody(byte[] bytes, String sha256, String contentType) {

    public static RawBody of(byte[] bytes, String contentType) {
        return new RawBody(bytes, HmacSignatures.sha256Hex(bytes), contentType);
    }

    /** The provenance of one comment: this body's hash and the exact bytes that concern the comment. */
    public RawPayload withFragment(byte[] fragment) {
        return new RawPayload(sha256, contentType, fragment, HmacSignatures.sha256Hex(fragment));
    }
}
