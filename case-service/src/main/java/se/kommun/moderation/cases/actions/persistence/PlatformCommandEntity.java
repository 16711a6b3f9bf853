package se.kommun.moderation.cases.actions.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import se.kommun.moderation.events.CommandAction;

/** A command sent to a platform and, once it came back, its result. */
@Entity
@Table(name = "platform_command")
public class PlatformCommandEntity extends PanacheEntityBase {

    public static final String ISSUED = "ISSUED";

    @Id
    @Column(name = "command_id")
    public UUID commandId;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    @Column(name = "comment_key", nullable = false)
    public String commentKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommandAction action;

    @Column(name = "task_id")
    public UUID taskId;

    /** ISSUED, then the outcome: SUCCEEDED, FAILED or REFUSED. */
    @Column(nullable = false)
    public String state;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    public Integer attempts;

    @Column(name = "platform_status")
    public Integer platformStatus;

    @Column(name = "platform_message")
    public String platformMessage;

    @Column(name = "completed_at")
    public Instant completedAt;
}
