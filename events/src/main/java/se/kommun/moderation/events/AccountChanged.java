package se.kommun.moderation.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An account was opened (activated after its start checklist) or closed; the information
 * department is told. Keyed by the account, not by a comment: the envelope's key is
 * {@code account:<platform>:<externalId>}.
 */
@EventType(name = "AccountChanged", version = 1)
public record AccountChanged(
        UUID accountId,
        Platform platform,
        String externalId,
        String name,
        String owningUnit,
        String status,
        LocalDate openedOn,
        LocalDate closedOn,
        String changedBy,
        Instant changedAt) {

    public AccountChanged {
        Objects.requireNonNull(accountId, "accountId is required");
        Objects.requireNonNull(platform, "platform is required");
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(changedAt, "changedAt is required");
    }

    public String key() {
        return "account:" + platform.id() + ':' + externalId;
    }
}
