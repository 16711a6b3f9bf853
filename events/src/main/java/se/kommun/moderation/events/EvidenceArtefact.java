package se.kommun.moderation.events;

import java.util.Objects;
import java.util.UUID;

/**
 * One stored piece of evidence: a screenshot of the permalink or a PDF/A rendition of the stored
 * record. The SHA-256 is over the artefact's bytes as stored, so a police report can prove them.
 */
public record EvidenceArtefact(
        UUID evidenceId,
        EvidenceKind kind,
        String mediaType,
        long sizeBytes,
        String sha256) {

    public EvidenceArtefact {
        Objects.requireNonNull(evidenceId, "evidenceId is required");
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(sha256, "sha256 is required");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative");
        }
    }
}
