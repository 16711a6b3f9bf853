package se.kommun.moderation.archive.records.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import se.kommun.moderation.archive.records.persistence.RecordVersionEntity;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventEnvelope;

/**
 * Keeps every received version as received. Idempotent by event id: a redelivered or replayed
 * event is recognised and stored once. Versions of one comment arrive in order (one partition per
 * comment key), so the next version number is the count so far plus one.
 */
@ApplicationScoped
public class RecordKeeper {

    private final Clock clock = Clock.systemUTC();

    /** The stored version, or empty when this event was stored before. */
    @Transactional
    public Optional<RecordVersionEntity> keep(EventEnvelope<CommentReceived> event) {
        if (RecordVersionEntity.count("eventId", event.eventId()) > 0) {
            return Optional.empty();
        }
        CommentReceived comment = event.payload();
        byte[] fragment = RawIntegrity.verifiedFragment(comment.raw());
        Instant now = clock.instant();

        RecordVersionEntity version = new RecordVersionEntity();
        version.eventId = event.eventId();
        version.commentKey = event.commentKey();
        version.version = (int) RecordVersionEntity.count("commentKey", event.commentKey()) + 1;
        version.verb = comment.verb().name();
        version.platform = comment.platform().id();
        version.accountId = comment.accountId();
        version.commentId = comment.commentId();
        version.postId = comment.postId();
        version.parentId = comment.parentId();
        version.authorId = comment.author() == null ? null : comment.author().id();
        version.authorName = comment.author() == null ? null : comment.author().displayName();
        version.text = comment.text();
        version.permalink = comment.permalink();
        version.createdAt = comment.createdAt();
        version.receivedAt = comment.receivedAt();
        version.storedAt = now;
        version.idempotencyKey = comment.idempotencyKey();
        version.contentType = comment.raw().contentType();
        version.rawBodySha256 = comment.raw().bodySha256();
        version.rawFragment = fragment;
        version.rawFragmentSha256 = comment.raw().fragmentSha256();
        version.persist();
        return Optional.of(version);
    }
}
