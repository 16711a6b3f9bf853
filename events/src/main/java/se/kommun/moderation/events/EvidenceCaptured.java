package se.kommun.moderation.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The archive saved a copy of a comment before anything removes it (archive → case). Only after
 * this event may the case-service order a HIDE or DELETE. {@code missing} names artefacts that
 * could not be made, with the reason (for example a permalink that could not be reached), so that
 * a bundle without a screenshot is visible as such rather than silently smaller.
 */
@EventType(name = "EvidenceCaptured", version = 1)
public record EvidenceCaptured(
        UUID bundleId,
        UUID sourceEventId,
        List<EvidenceArtefact> artefacts,
        List<String> missing,
        Instant capturedAt) {

    public EvidenceCaptured {
        Objects.requireNonNull(bundleId, "bundleId is required");
        Objects.requireNonNull(capturedAt, "capturedAt is required");
        artefacts = artefacts == null ? List.of() : List.copyOf(artefacts);
        missing = missing == null ? List.of() : List.copyOf(missing);
        if (artefacts.isEmpty()) {
            throw new IllegalArgumentException("an evidence bundle holds at least one artefact");
        }
    }
}
