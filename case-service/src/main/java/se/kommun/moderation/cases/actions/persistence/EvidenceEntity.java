package se.kommun.moderation.cases.actions.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An evidence bundle the archive captured; the artefacts are kept as the event's JSON. */
@Entity
@Table(name = "evidence")
public class EvidenceEntity extends PanacheEntityBase {

    @Id
    @Column(name = "bundle_id")
    public UUID bundleId;

    @Column(name = "comment_key", nullable = false)
    public String commentKey;

    /** The artefacts (kind, media type, size, SHA-256) as JSON. */
    @Column(nullable = false)
    public String artefacts;

    /** What could not be captured and why, as JSON. */
    @Column(nullable = false)
    public String missing;

    @Column(name = "captured_at", nullable = false)
    public Instant capturedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static Optional<EvidenceEntity> latestFor(String commentKey) {
        return find("commentKey = ?1 order by capturedAt desc", commentKey).firstResultOptional();
    }
}
