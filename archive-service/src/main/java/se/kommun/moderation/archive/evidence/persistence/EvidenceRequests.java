package se.kommun.moderation.archive.evidence.persistence;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.kommun.moderation.archive.evidence.domain.CapturedArtefact;
import se.kommun.moderation.archive.evidence.domain.CapturedBundle;

/** The durable queue of evidence requests (evidence_request) and the store of captured bundles. */
@ApplicationScoped
public class EvidenceRequests {

    /** A request a worker has claimed (leased) and is capturing. */
    public record Claimed(UUID requestId, String commentKey, UUID sourceEventId, String requestedBy, String permalink,
            int attempts, Instant requestedAt) {
    }

    @Inject
    EntityManager em;

    /** Queues a request; false when one with this id is queued already (a redelivered event). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(UUID requestId, String commentKey, UUID sourceEventId, String requestedBy, String permalink,
            Instant now) {
        int inserted = em.createNativeQuery("INSERT INTO evidence_request (request_id, comment_key, source_event_id,"
                        + " requested_by, permalink, status, attempts, next_attempt_at, requested_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, 'PENDING', 0, ?6, ?6) ON CONFLICT DO NOTHING")
                .setParameter(1, requestId).setParameter(2, commentKey).setParameter(3, sourceEventId)
                .setParameter(4, requestedBy).setParameter(5, permalink).setParameter(6, Timestamp.from(now))
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * A capture asked for by a user: queues one, unless one is pending for the comment already, and
     * returns the request's id either way.
     */
    @Transactional
    public UUID requestOnDemand(String commentKey, String permalink, String requestedBy, Instant now) {
        Optional<EvidenceRequestEntity> pending = EvidenceRequestEntity.<EvidenceRequestEntity>find(
                "commentKey = ?1 and status = ?2", commentKey, EvidenceRequestEntity.PENDING).firstResultOptional();
        if (pending.isPresent()) {
            return pending.get().requestId;
        }
        UUID requestId = UUID.randomUUID();
        enqueue(requestId, commentKey, null, requestedBy, permalink, now);
        return requestId;
    }

    @Transactional
    public List<EvidenceRequestEntity> openFor(String commentKey) {
        return EvidenceRequestEntity.list("commentKey = ?1 and status <> ?2", Sort.ascending("requestedAt"),
                commentKey, EvidenceRequestEntity.CAPTURED);
    }

    /** Claims the oldest due request for {@code lease}; SKIP LOCKED lets instances and workers share the queue. */
    @Transactional
    public Optional<Claimed> claimNext(Instant now, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("UPDATE evidence_request SET lease_until = ?2, attempts = attempts + 1"
                        + " WHERE request_id = (SELECT request_id FROM evidence_request WHERE status = 'PENDING'"
                        + " AND next_attempt_at <= ?1 AND (lease_until IS NULL OR lease_until < ?1)"
                        + " ORDER BY next_attempt_at FOR UPDATE SKIP LOCKED LIMIT 1)"
                        + " RETURNING request_id, comment_key, source_event_id, requested_by, permalink, attempts,"
                        + " requested_at")
                .setParameter(1, Timestamp.from(now)).setParameter(2, Timestamp.from(now.plus(lease)))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new Claimed((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (String) r[4],
                ((Number) r[5]).intValue(), instant(r[6])));
    }

    /**
     * Gives a claimed request back, due again at {@code next}. {@code notAnAttempt}: the claim did not
     * count (the request only waits for its record), so waiting never uses up the attempts.
     */
    @Transactional
    public void later(UUID requestId, Instant next, String reason, boolean notAnAttempt) {
        EvidenceRequestEntity.update("nextAttemptAt = ?1, leaseUntil = null, lastError = ?2,"
                + " attempts = attempts - ?3 where requestId = ?4", next, reason, notAnAttempt ? 1 : 0, requestId);
    }

    @Transactional
    public void fail(UUID requestId, String reason, Instant now) {
        EvidenceRequestEntity.update("status = ?1, leaseUntil = null, lastError = ?2, completedAt = ?3"
                + " where requestId = ?4", EvidenceRequestEntity.FAILED, reason, now, requestId);
    }

    /**
     * Stores the bundle, its artefacts and the outgoing event, and closes the request, in one
     * transaction: after the commit the evidence exists and its event will be sent.
     */
    @Transactional
    public void complete(Claimed request, CapturedBundle bundle, UUID eventId, String payload) {
        EvidenceBundleEntity b = new EvidenceBundleEntity();
        b.bundleId = bundle.bundleId();
        b.commentKey = bundle.commentKey();
        b.sourceEventId = request.sourceEventId();
        b.requestedBy = request.requestedBy();
        b.missing = bundle.missing().toArray(String[]::new);
        b.capturedAt = bundle.capturedAt();
        b.persist();
        em.flush(); // the artefacts reference the bundle
        for (CapturedArtefact a : bundle.artefacts()) {
            EvidenceArtefactEntity e = new EvidenceArtefactEntity();
            e.evidenceId = a.evidenceId();
            e.bundleId = bundle.bundleId();
            e.commentKey = bundle.commentKey();
            e.kind = a.kind().name();
            e.mediaType = a.mediaType();
            e.sizeBytes = a.content().length;
            e.sha256 = a.sha256();
            e.content = a.content();
            e.capturedAt = bundle.capturedAt();
            e.persist();
        }
        EvidenceOutboxEntity out = new EvidenceOutboxEntity();
        out.eventId = eventId;
        out.bundleId = bundle.bundleId();
        out.commentKey = bundle.commentKey();
        out.payload = payload;
        out.createdAt = bundle.capturedAt();
        out.persist();
        EvidenceRequestEntity.update("status = ?1, bundleId = ?2, leaseUntil = null, lastError = null,"
                + " completedAt = ?3 where requestId = ?4", EvidenceRequestEntity.CAPTURED, bundle.bundleId(),
                bundle.capturedAt(), request.requestId());
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
