package se.kommun.moderation.archive.records.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One received version of a comment, exactly as received. Insert-only; gallring may cull its content. */
@Entity
@Table(name = "record_version")
public class RecordVersionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "comment_key", nullable = false)
    public String commentKey;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String verb;

    @Column(nullable = false)
    public String platform;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "comment_id", nullable = false)
    public String commentId;

    @Column(name = "post_id")
    public String postId;

    @Column(name = "parent_id")
    public String parentId;

    @Column(name = "author_id")
    public String authorId;

    @Column(name = "author_name")
    public String authorName;

    /** NULL once culled (with author fields and raw fragment) under a gallring protocol row. */
    public String text;

    public String permalink;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "stored_at", nullable = false)
    public Instant storedAt;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "raw_body_sha256", nullable = false)
    public String rawBodySha256;

    @Column(name = "raw_fragment")
    public byte[] rawFragment;

    @Column(name = "raw_fragment_sha256", nullable = false)
    public String rawFragmentSha256;

    @Column(name = "culled_at")
    public Instant culledAt;
}
