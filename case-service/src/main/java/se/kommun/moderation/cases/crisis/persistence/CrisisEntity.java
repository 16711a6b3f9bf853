package se.kommun.moderation.cases.crisis.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A crisis: while it runs, comments on its accounts within its window are tagged for the crisis team. */
@Entity
@Table(name = "crisis")
public class CrisisEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** The accounts it covers as "platform:accountId", comma-separated. */
    @Column(nullable = false)
    public String accounts;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    /** Open-ended until stopped. */
    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "started_by", nullable = false)
    public String startedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "stopped_by")
    public String stoppedBy;

    @Column(name = "stopped_at")
    public Instant stoppedAt;

    public Set<String> accountSet() {
        return Arrays.stream(accounts.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a comment on that account, received then, belongs to this crisis. */
    public boolean covers(String platformAndAccount, Instant receivedAt) {
        return accountSet().contains(platformAndAccount) && !receivedAt.isBefore(startsAt)
                && (endsAt == null || receivedAt.isBefore(endsAt));
    }
}
