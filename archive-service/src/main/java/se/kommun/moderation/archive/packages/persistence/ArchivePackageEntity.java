package se.kommun.moderation.archive.packages.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One delivery to the city archive, with the package as built. Insert-only. */
@Entity
@Table(name = "archive_package")
public class ArchivePackageEntity extends PanacheEntityBase {

    public static final String SCHEDULED = "SCHEDULED";
    public static final String ON_DEMAND = "ON_DEMAND";

    @Id
    @Column(name = "package_id")
    public UUID packageId;

    @Column(nullable = false)
    public String objid;

    @Column(nullable = false)
    public String platform;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(nullable = false)
    public String period;

    @Column(name = "period_start", nullable = false)
    public Instant periodStart;

    @Column(name = "period_end", nullable = false)
    public Instant periodEnd;

    @Column(nullable = false)
    public String trigger;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public int records;

    @Column(nullable = false)
    public int versions;

    @Column(nullable = false)
    public int threads;

    @Column(nullable = false)
    public int evidence;

    @Column(nullable = false)
    public int files;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;
}
