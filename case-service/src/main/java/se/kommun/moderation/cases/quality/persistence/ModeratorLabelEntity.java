package se.kommun.moderation.cases.quality.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.Route;

/** A person's latest decision on a comment's route, as a line of the training corpus (V5). */
@Entity
@Table(name = "moderator_label")
public class ModeratorLabelEntity extends PanacheEntityBase {

    @Id
    @Convert(disableConversion = true) // a key, never converted: ids are checked at the edge
    @Column(name = "comment_key")
    public String commentKey;

    @Column(name = "classified_event", nullable = false)
    public UUID classifiedEvent;

    @Column(nullable = false)
    public String platform;

    /** As classified; null once the record is culled. */
    public String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Route route;

    public String subtype;

    @Column(name = "needs_response", nullable = false)
    public boolean needsResponse;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DecisionKind decision;

    @Enumerated(EnumType.STRING)
    @Column(name = "classifier_route", nullable = false)
    public Route classifierRoute;

    @Column(name = "classifier_subtype")
    public String classifierSubtype;

    @Column(name = "rule_set_version", nullable = false)
    public String ruleSetVersion;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** Internal only: the export never shows who decided. */
    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "culled_at")
    public Instant culledAt;

    @Column(name = "edited_at")
    public Instant editedAt;
}
