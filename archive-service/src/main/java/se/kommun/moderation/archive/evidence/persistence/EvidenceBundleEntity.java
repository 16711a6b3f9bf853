package se.kommun.moderation.archive.evidence.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One capture of a comment's evidence. Insert-only. */
@Entity
@Table(name = "evidence_bundle")
public class EvidenceBundleEntity extends PanacheEntityBase {

    @Id
    @Column(name = "bundle_id")
    public UUID bundleId;

    @Column(name = "comment_key", nullable = false)
    public String commentKey;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "missing", nullable = false, columnDefinition = "text[]")
    public String[] missing;

    @Column(name = "captured_at", nullable = false)
    public Instant capturedAt;
}
