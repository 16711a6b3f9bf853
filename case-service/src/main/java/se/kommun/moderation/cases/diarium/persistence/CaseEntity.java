package se.kommun.moderation.cases.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A registered case (table {@code register_case}). Never published as an event. */
@Entity
@Table(name = "register_case")
public class CaseEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String registry;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public int seq;

    @Column(name = "diary_number", nullable = false)
    public String diaryNumber;

    @Column(name = "comment_key", nullable = false)
    public String commentKey;

    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    @Column(nullable = false)
    public String route;

    public String subtype;

    @Column(nullable = false)
    public String platform;

    public String permalink;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    public String sender;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public boolean secret;
}
