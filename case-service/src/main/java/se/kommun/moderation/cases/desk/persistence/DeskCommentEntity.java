package se.kommun.moderation.cases.desk.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The latest classification of a comment the desk has seen, with what the desk needs to act on it. */
@Entity
@Table(name = "desk_comment")
public class DeskCommentEntity extends PanacheEntityBase {

    @Id
    @Convert(disableConversion = true) // a key, never converted: ids are checked at the edge
    @Column(name = "comment_key")
    public String commentKey;

    @Column(name = "classified_event", nullable = false)
    public UUID classifiedEvent;

    @Column(nullable = false)
    public String platform;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "comment_id", nullable = false)
    public String commentId;

    @Column(nullable = false)
    public String route;

    public String subtype;

    /** Every route whose detectors matched, comma-separated. */
    @Column(nullable = false)
    public String flags;

    @Column(nullable = false)
    public double confidence;

    @Column(name = "review_required", nullable = false)
    public boolean reviewRequired;

    @Column(name = "needs_response", nullable = false)
    public boolean needsResponse;

    /** The detectors behind the classification, comma-separated (for moderator feedback). */
    @Column(nullable = false)
    public String detectors;

    /** The classifier's reasons as sent, a JSON array (see {@code ClassifierReasons}). */
    @Column(nullable = false)
    public String reasons = "[]";

    @Column(name = "rule_set_version", nullable = false)
    public String ruleSetVersion;

    @Column(name = "author_name")
    public String authorName;

    public String text;

    public String permalink;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "classified_at", nullable = false)
    public Instant classifiedAt;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "culled_at")
    public Instant culledAt;

    public List<String> detectorList() {
        return detectors.isEmpty() ? List.of() : Arrays.asList(detectors.split(","));
    }
}
