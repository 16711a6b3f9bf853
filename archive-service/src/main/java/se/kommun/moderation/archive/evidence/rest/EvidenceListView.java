package se.kommun.moderation.archive.evidence.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A comment's evidence: the bundles captured (with each artefact's SHA-256) and the requests still open. */
public record EvidenceListView(String commentKey, List<Bundle> bundles, List<Request> open) {

    public record Bundle(UUID bundleId, UUID sourceEventId, String requestedBy, Instant capturedAt,
            List<String> missing, List<Artefact> artefacts) {
    }

    public record Artefact(UUID evidenceId, String kind, String mediaType, long sizeBytes, String sha256,
            Instant culledAt, String href) {
    }

    public record Request(UUID requestId, String status, String requestedBy, Instant requestedAt, int attempts,
            String lastError) {
    }
}
