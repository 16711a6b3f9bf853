package se.kommun.moderation.archive.packages.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.kommun.moderation.archive.evidence.domain.StoredRecord;

/** Everything one archive package is made of. */
public record PackageContent(
        UUID packageId,
        String platform,
        String accountId,
        HalfYear period,
        Instant periodStart,
        Instant periodEnd,
        Instant createdAt,
        String organisation,
        String recipient,
        String submitter,
        List<StoredRecord> records,
        List<EvidenceFile> evidence) {

    /** A stored evidence artefact to include, with the SHA-256 it was stored with. */
    public record EvidenceFile(UUID evidenceId, String commentKey, String kind, String mediaType, String sha256,
            byte[] content, Instant capturedAt) {
    }
}
