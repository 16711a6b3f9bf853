package se.kommun.moderation.archive.evidence.domain;

import java.util.Objects;
import java.util.UUID;
import se.kommun.moderation.events.EvidenceKind;

/** One artefact as captured, with the SHA-256 of exactly these bytes. */
public record CapturedArtefact(UUID evidenceId, EvidenceKind kind, String mediaType, byte[] content, String sha256,
        double seconds) {

    public CapturedArtefact {
        Objects.requireNonNull(evidenceId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(content);
        Objects.requireNonNull(sha256);
    }
}
