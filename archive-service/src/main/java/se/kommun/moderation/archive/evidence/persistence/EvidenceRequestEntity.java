package se.kommun.moderation.archive.evidence.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A request for evidence, queued durably until a worker has captured it (see V11). */
@Entity
@Table(name = "evidence_request")
public class EvidenceRequestEntity extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String CAPTURED = "CAPTURED";
    public static final String FAILED = "FAILED";

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "comment_key", nullable = false)
    public String commentKey;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    public String permalink;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "bundle_id")
    public UUID bundleId;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}
