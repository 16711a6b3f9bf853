package se.kommun.moderation.archive.packages.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import se.kommun.moderation.archive.evidence.domain.PdfaRenderer;
import se.kommun.moderation.archive.evidence.domain.StoredRecord;
import se.kommun.moderation.archive.evidence.persistence.EvidenceArtefactEntity;
import se.kommun.moderation.archive.evidence.persistence.StoredRecords;
import se.kommun.moderation.archive.packages.config.PackagesConfig;
import se.kommun.moderation.archive.packages.persistence.ArchivePackageEntity;

/** Builds and records deliveries: one package per account and half-year, of what has not been culled. */
@ApplicationScoped
public class PackageDeliveries {

    private static final Logger LOG = Logger.getLogger(PackageDeliveries.class);

    @Inject
    StoredRecords records;

    @Inject
    PdfaRenderer renderer;

    @Inject
    PackagesConfig config;

    /** Thrown when an account has nothing stored in the period. */
    public static final class NothingToDeliver extends RuntimeException {
        NothingToDeliver(String message) {
            super(message);
        }
    }

    public ZoneId zone() {
        return config.zone();
    }

    /** The accounts with records received in the period. */
    public List<String[]> accounts(HalfYear period) {
        return records.accountsWithVersions(period.start(config.zone()), period.end(config.zone()));
    }

    @Transactional
    public boolean deliveredOnSchedule(String platform, String accountId, HalfYear period) {
        return ArchivePackageEntity.count("platform = ?1 and accountId = ?2 and period = ?3 and trigger = ?4",
                platform, accountId, period.toString(), ArchivePackageEntity.SCHEDULED) > 0;
    }

    @Transactional
    public ArchivePackageEntity deliver(String platform, String accountId, HalfYear period, String trigger,
            String requestedBy) {
        Instant from = period.start(config.zone());
        Instant to = period.end(config.zone());
        List<StoredRecord> content = records.versionsForPackage(platform, accountId, from, to);
        if (content.isEmpty()) {
            throw new NothingToDeliver("no records of " + platform + "/" + accountId + " received in " + period);
        }
        List<PackageContent.EvidenceFile> evidence = EvidenceArtefactEntity.<EvidenceArtefactEntity>list(
                        "commentKey like ?1 and capturedAt >= ?2 and capturedAt < ?3 and content is not null"
                                + " order by commentKey, capturedAt",
                        escapeLike(platform + ":" + accountId + ":") + "%", from, to).stream()
                .map(a -> new PackageContent.EvidenceFile(a.evidenceId, a.commentKey, a.kind, a.mediaType, a.sha256,
                        a.content, a.capturedAt))
                .toList();
        Instant now = Instant.now();
        UUID packageId = UUID.randomUUID();
        BuiltPackage built = new SipBuilder(renderer).build(new PackageContent(packageId, platform, accountId, period,
                from, to, now, config.organisation(), config.recipient(), requestedBy, content, evidence));

        ArchivePackageEntity p = new ArchivePackageEntity();
        p.packageId = packageId;
        p.objid = built.objid();
        p.platform = platform;
        p.accountId = accountId;
        p.period = period.toString();
        p.periodStart = from;
        p.periodEnd = to;
        p.trigger = trigger;
        p.requestedBy = requestedBy;
        p.createdAt = now;
        p.records = built.records();
        p.versions = built.versions();
        p.threads = built.threads();
        p.evidence = built.evidence();
        p.files = built.files();
        p.sizeBytes = built.zip().length;
        p.sha256 = built.sha256();
        p.content = built.zip();
        p.persist();
        LOG.infof("archive package %s built (%s, %d records, %d files, %d bytes)", packageId, trigger, p.records,
                p.files, p.sizeBytes);
        return p;
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
