package se.kommun.moderation.cases.actions.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import se.kommun.moderation.cases.actions.domain.RemovalState;
import se.kommun.moderation.events.CommandAction;

/** The decision point's record of one comment that is to leave public view. */
@Entity
@Table(name = "removal")
public class RemovalEntity extends PanacheEntityBase {

    @Id
    @Convert(disableConversion = true) // a key, never converted: ids are checked at the edge
    @Column(name = "comment_key")
    public String commentKey;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommandAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RemovalState state;

    /** True when the classifier's confidence sufficed; false when a moderator confirmed. */
    @Column(nullable = false)
    public boolean automatic;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "evidence_bundle_id")
    public UUID evidenceBundleId;

    @Column(name = "command_id")
    public UUID commandId;

    @Column(name = "outcome_message")
    public String outcomeMessage;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;
}
