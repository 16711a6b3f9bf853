package se.kommun.moderation.archive.evidence.persistence;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.kommun.moderation.archive.evidence.domain.OutboxRelay;

/** evidence_outbox as the relay's store. */
@ApplicationScoped
public class EvidenceOutboxStore implements OutboxRelay.Store {

    /** Rows younger than this are left to the worker that just wrote them (it publishes right after its commit). */
    static final Duration GRACE = Duration.ofSeconds(2);

    @Override
    @Transactional
    public List<OutboxRelay.Pending> due(Instant now, int limit) {
        return EvidenceOutboxEntity.<EvidenceOutboxEntity>find("publishedAt is null and createdAt <= :cutoff",
                        Sort.ascending("createdAt"), Parameters.with("cutoff", now.minus(GRACE)))
                .page(0, limit).list().stream()
                .map(e -> new OutboxRelay.Pending(e.eventId, e.commentKey, e.payload))
                .toList();
    }

    @Transactional
    public List<OutboxRelay.Pending> one(UUID eventId) {
        EvidenceOutboxEntity e = EvidenceOutboxEntity.findById(eventId);
        return e == null || e.publishedAt != null ? List.of()
                : List.of(new OutboxRelay.Pending(e.eventId, e.commentKey, e.payload));
    }

    @Override
    @Transactional
    public void published(UUID eventId, Instant at) {
        EvidenceOutboxEntity.update("publishedAt = ?1, attempts = attempts + 1, lastError = null"
                + " where eventId = ?2 and publishedAt is null", at, eventId);
    }

    @Override
    @Transactional
    public void failed(UUID eventId, String reason) {
        EvidenceOutboxEntity.update("attempts = attempts + 1, lastError = ?1 where eventId = ?2", reason, eventId);
    }

    @Transactional
    public long unpublished() {
        return EvidenceOutboxEntity.count("publishedAt is null");
    }
}
