package se.kommun.moderation.archive.classification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import se.kommun.moderation.archive.classification.persistence.ClassificationStore;
import se.kommun.moderation.archive.evidence.persistence.EvidenceRequests;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;

/**
 * Keeps what the classifier said and, for comments that may be removed, queues an evidence capture
 * in the same transaction: once the event's offset is committed, the request is durable. Idempotent
 * by event id (the request id is derived from it).
 */
@ApplicationScoped
public class ClassificationRecorder {

    public static final String REQUESTED_BY = "comments.classified";

    @Inject
    ClassificationStore store;

    @Inject
    EvidenceRequests requests;

    /** Returns whether an evidence capture was queued (so the caller can wake the workers). */
    @Transactional
    public boolean record(EventEnvelope<CommentClassified> event) {
        store.upsert(event);
        if (!EvidencePolicy.needsEvidence(event.payload())) {
            return false;
        }
        return requests.enqueue(EventIds.derive("evidence-request", event.eventId().toString()), event.commentKey(),
                event.eventId(), REQUESTED_BY, event.payload().comment().permalink(), Instant.now());
    }
}
