package se.kommun.moderation.archive.evidence.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What one capture produced: the artefacts, and what could not be made and why. */
public record CapturedBundle(UUID bundleId, String commentKey, List<CapturedArtefact> artefacts, List<String> missing,
        Instant capturedAt) {

    public CapturedBundle {
        artefacts = List.copyOf(artefacts);
        missing = List.copyOf(missing);
    }

    public boolean empty() {
        return artefacts.isEmpty();
    }
}
