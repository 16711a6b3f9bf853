package se.kommun.moderation.ingest.accounts.domain;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.accounts.persistence.AccountEntity;

/**
 * The accounts webhooks may deliver for, held in memory: a webhook must not wait for the database.
 * Reloaded after every local change and every few seconds, for changes made by other instances.
 */
@ApplicationScoped
public class AccountDirectory {

    /** What a webhook needs to know about an account. */
    public record Entry(Platform platform, String externalId, AccountStatus status, Optional<String> secretRef) {
    }

    private volatile Map<String, Entry> entries = Map.of();

    void onStart(@Observes StartupEvent start) {
        reload();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountRegistry.AccountsChanged change) {
        reload();
    }

    @Scheduled(every = "${ingest.accounts.reload-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void reload() {
        entries = AccountEntity.<AccountEntity>streamAll()
                .map(a -> new Entry(a.platform, a.externalId, a.status, Optional.ofNullable(a.secretRef)))
                .collect(Collectors.toUnmodifiableMap(e -> key(e.platform(), e.externalId()), Function.identity()));
    }

    public Optional<Entry> find(Platform platform, String externalId) {
        return externalId == null ? Optional.empty() : Optional.ofNullable(entries.get(key(platform, externalId)));
    }

    /** The external ids of a platform's ACTIVE accounts, sorted. */
    public List<String> active(Platform platform) {
        return entries.values().stream()
                .filter(entry -> entry.platform() == platform && entry.status() == AccountStatus.ACTIVE)
                .map(Entry::externalId).sorted().toList();
    }

    private static String key(Platform platform, String externalId) {
        return platform.id() + ':' + externalId;
    }
}
