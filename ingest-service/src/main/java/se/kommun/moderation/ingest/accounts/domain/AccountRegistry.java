package se.kommun.moderation.ingest.accounts.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.kommun.moderation.events.AccountChanged;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.ingest.accounts.persistence.AccountEntity;
import se.kommun.moderation.ingest.accounts.persistence.OutboxEntity;
import se.kommun.moderation.ingest.delivery.domain.ReceivedEvents;

/**
 * Opens and closes the municipality's accounts. Opening and closing are announced on
 * accounts.changed through the outbox, in the same transaction as the change.
 */
@ApplicationScoped
public class AccountRegistry {

    private static final ZoneId MUNICIPALITY = ZoneId.of("Europe/Stockholm");

    private final Clock clock = Clock.systemUTC();

    @Inject
    Event<AccountsChanged> changed;

    /** Fired after a change commits, so that the webhook directory reloads. */
    public record AccountsChanged() {
    }

    @Transactional
    public AccountEntity create(NewAccount request) {
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new AccountRuleException("the account is incomplete", problems);
        }
        if (AccountEntity.count("platform = ?1 and externalId = ?2", request.platform(), request.externalId()) > 0) {
            throw new AccountRuleException("the account exists",
                    List.of(request.platform().id() + " account " + request.externalId() + " is already registered"));
        }
        AccountEntity account = new AccountEntity();
        account.id = UUID.randomUUID();
        account.platform = request.platform();
        account.externalId = request.externalId();
        account.name = request.name();
        account.owningUnit = request.owningUnit();
        account.purpose = request.purpose();
        account.audience = request.audience();
        account.message = request.message();
        account.publicUrl = request.publicUrl();
        account.secretRef = request.secretRef();
        account.responsible = new ArrayList<>(request.responsible());
        account.status = AccountStatus.DRAFT;
        account.createdAt = clock.instant();
        account.updatedAt = account.createdAt;
        account.persist();
        changed.fire(new AccountsChanged());
        return account;
    }

    @Transactional
    public AccountEntity tick(UUID id, ChecklistItem item, boolean done) {
        AccountEntity account = load(id);
        if (done) {
            account.checklist.add(item);
        } else {
            account.checklist.remove(item);
        }
        account.updatedAt = clock.instant();
        return account;
    }

    @Transactional
    public AccountEntity activate(UUID id, String actor) {
        AccountEntity account = load(id);
        List<String> problems = ActivationRules.problems(account.status, account.checklist, account.responsible);
        if (!problems.isEmpty()) {
            throw new AccountRuleException("the account cannot be activated yet", problems);
        }
        account.status = AccountStatus.ACTIVE;
        account.openedOn = LocalDate.now(clock.withZone(MUNICIPALITY));
        announce(account, actor);
        changed.fire(new AccountsChanged());
        return account;
    }

    @Transactional
    public AccountEntity close(UUID id, String actor) {
        AccountEntity account = load(id);
        if (account.status == AccountStatus.CLOSED) {
            throw new AccountRuleException("the account is already closed", List.of("closed on " + account.closedOn));
        }
        account.status = AccountStatus.CLOSED;
        account.closedOn = LocalDate.now(clock.withZone(MUNICIPALITY));
        announce(account, actor);
        changed.fire(new AccountsChanged());
        return account;
    }

    public Optional<AccountEntity> find(UUID id) {
        return AccountEntity.findByIdOptional(id);
    }

    private AccountEntity load(UUID id) {
        return AccountEntity.<AccountEntity>findByIdOptional(id)
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no account " + id));
    }

    private void announce(AccountEntity account, String actor) {
        Instant now = clock.instant();
        account.updatedAt = now;
        AccountChanged payload = new AccountChanged(account.id, account.platform, account.externalId, account.name,
                account.owningUnit, account.status.name(), account.openedOn, account.closedOn, actor, now);
        EventEnvelope<AccountChanged> event = EventEnvelope.wrap(
                EventIds.derive("AccountChanged", account.id.toString(), account.status.name()), now, payload.key(),
                ReceivedEvents.PRODUCER, payload);
        OutboxEntity row = new OutboxEntity();
        row.topic = Topics.ACCOUNTS_CHANGED;
        row.messageKey = payload.key();
        row.payload = EventCodec.instance().encode(event);
        row.createdAt = now;
        row.persist();
    }
}
