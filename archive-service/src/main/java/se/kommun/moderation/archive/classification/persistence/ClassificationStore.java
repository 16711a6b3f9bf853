package se.kommun.moderation.archive.classification.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.EventEnvelope;

/** record_classification: the latest classification of each comment. */
@ApplicationScoped
public class ClassificationStore {

    @Inject
    EntityManager em;

    /**
     * Upserts by comment key; an event seen before (same event id) or older than the stored one
     * changes nothing. Returns whether the row changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean upsert(EventEnvelope<CommentClassified> event) {
        CommentClassified c = event.payload();
        return em.createNativeQuery("INSERT INTO record_classification (comment_key, source_event_id, event_id, route,"
                        + " subtype, confidence, review_required, rule_set_version, classified_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                        + " ON CONFLICT (comment_key) DO UPDATE SET source_event_id = EXCLUDED.source_event_id,"
                        + " event_id = EXCLUDED.event_id, route = EXCLUDED.route, subtype = EXCLUDED.subtype,"
                        + " confidence = EXCLUDED.confidence, review_required = EXCLUDED.review_required,"
                        + " rule_set_version = EXCLUDED.rule_set_version, classified_at = EXCLUDED.classified_at"
                        + " WHERE record_classification.event_id <> EXCLUDED.event_id"
                        + " AND record_classification.classified_at <= EXCLUDED.classified_at")
                .setParameter(1, event.commentKey()).setParameter(2, c.sourceEventId())
                .setParameter(3, event.eventId()).setParameter(4, c.route().name()).setParameter(5, c.subtype())
                .setParameter(6, c.confidence()).setParameter(7, c.reviewRequired())
                .setParameter(8, c.ruleSetVersion()).setParameter(9, Timestamp.from(event.occurredAt()))
                .executeUpdate() == 1;
    }
}
