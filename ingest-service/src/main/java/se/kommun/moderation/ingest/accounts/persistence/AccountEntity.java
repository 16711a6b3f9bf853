package se.kommun.moderation.ingest.accounts.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.accounts.domain.AccountStatus;
import se.kommun.moderation.ingest.accounts.domain.ChecklistItem;

/** A municipal social-media account. Holds a reference to its secret, never the secret. */
@Entity
@Table(name = "account")
public class AccountEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Platform platform;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(nullable = false)
    public String name;

    @Column(name = "owning_unit", nullable = false)
    public String owningUnit;

    public String purpose;

    public String audience;

    public String message;

    @Column(name = "public_url")
    public String publicUrl;

    @Column(name = "secret_ref")
    public String secretRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountStatus status;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_responsible", joinColumns = @JoinColumn(name = "account_id"))
    @OrderColumn(name = "position")
    @Column(name = "name", nullable = false)
    public List<String> responsible = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_checklist", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "item", nullable = false)
    public Set<ChecklistItem> checklist = EnumSet.noneOf(ChecklistItem.class);
}
