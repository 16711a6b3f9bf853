package se.kommun.moderation.cases.diarium.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A comment registered as a document in a case: what OSL 5:2 requires of each register entry. */
@Entity
@Table(name = "case_document")
public class CaseDocumentEntity extends PanacheEntityBase {

    @Id
    @Convert(disableConversion = true) // a key, never converted: ids are checked at the edge
    @Column(name = "comment_key")
    public String commentKey;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    public String sender;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public boolean secret;

    public static List<CaseDocumentEntity> ofCase(UUID caseId) {
        return list("caseId = ?1 order by registeredAt", caseId);
    }
}
