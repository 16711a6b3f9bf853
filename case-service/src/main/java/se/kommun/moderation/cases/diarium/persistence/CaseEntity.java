package se.kommun.moderation.cases.diarium.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A registered case (table {@code register_case}). Never published as an event. */
@Entity
@Table(name = "register_case")
public class CaseEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Null for a case filed under a diary number another registry issued. */
    public String registry;

    public Integer year;

    public Integer seq;

    @Column(name = "diary_number", nullable = false)
    public String diaryNumber;

    /** The diary number without spaces, upper case: how a reference in a comment finds the case. */
    @Column(name = "diary_key", nullable = false)
    public String diaryKey;

    @Column(name = "issued_here", nullable = false)
    public boolean issuedHere;

    /** The comment that opened the case. */
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

    /** False only for a manually registered sender the registrar named as an organisation. */
    @Column(name = "sender_is_private", nullable = false)
    public boolean senderIsPrivate = true;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public boolean secret;

    @Column(name = "secrecy_provision")
    public String secrecyProvision;

    @Column(name = "secrecy_marked_on")
    public LocalDate secrecyMarkedOn;

    @Column(nullable = false)
    public String status;

    @Column(name = "closed_at")
    public Instant closedAt;

    public static Optional<CaseEntity> byDiaryKey(String diaryKey) {
        return find("diaryKey", diaryKey).firstResultOptional();
    }

    public static String diaryKeyOf(String diaryNumber) {
        return diaryNumber.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
    }
}
