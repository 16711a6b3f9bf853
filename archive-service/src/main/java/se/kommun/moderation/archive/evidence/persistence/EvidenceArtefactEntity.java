package se.kommun.moderation.archive.evidence.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One stored artefact (screenshot or PDF/A) with its SHA-256. Gallring may cull {@code content}. */
@Entity
@Table(name = "evidence_artefact")
public class EvidenceArtefactEntity extends PanacheEntityBase {

    @Id
    @Column(name = "evidence_id")
    public UUID evidenceId;

    @Column(name = "bundle_id", nullable = false)
    public UUID bundleId;

    @Column(name = "comment_key", nullable = false)
    public String commentKey;

    @Column(nullable = false)
    public String kind;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    @Column(name = "captured_at", nullable = false)
    public Instant capturedAt;

    @Column(name = "culled_at")
    public Instant culledAt;
}
