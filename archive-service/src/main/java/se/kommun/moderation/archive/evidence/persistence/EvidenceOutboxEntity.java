package se.kommun.moderation.archive.evidence.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An evidence.captured event waiting for (or past) the broker's acknowledgement. */
@Entity
@Table(name = "evidence_outbox")
public class EvidenceOutboxEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "bundle_id", nullable = false)
    public UUID bundleId;

    @Column(name = "comment_key", nullable = false)
    public String commentKey;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;
}
