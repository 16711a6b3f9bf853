package se.kommun.moderation.archive.packages.rest;

import java.time.Instant;
import java.util.UUID;
import se.kommun.moderation.archive.packages.persistence.ArchivePackageEntity;

/** A delivery as listed: what was delivered, when, by whom, and the package's SHA-256. */
public record PackageView(UUID packageId, String objid, String platform, String accountId, String period,
        Instant periodStart, Instant periodEnd, String trigger, String requestedBy, Instant createdAt, int records,
        int versions, int threads, int evidence, int files, long sizeBytes, String sha256, String href) {

    static PackageView of(ArchivePackageEntity p) {
        return new PackageView(p.packageId, p.objid, p.platform, p.accountId, p.period, p.periodStart, p.periodEnd,
                p.trigger, p.requestedBy, p.createdAt, p.records, p.versions, p.threads, p.evidence, p.files,
                p.sizeBytes, p.sha256, "/packages/" + p.packageId);
    }
}
