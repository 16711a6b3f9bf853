package se.kommun.moderation.archive.records.rest;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import se.kommun.moderation.archive.records.persistence.RecordVersionEntity;

/** A comment's record: every version as received, oldest first. */
public record RecordView(String commentKey, List<Version> versions) {

    public record Version(int version, UUID eventId, String verb, String platform, String accountId,
            String commentId, String postId, String parentId, String authorId, String authorName, String text,
            String permalink, Instant createdAt, Instant receivedAt, Instant storedAt, String contentType,
            String rawBodySha256, String rawFragmentSha256, String rawFragmentBase64, Instant culledAt) {

        static Version of(RecordVersionEntity e) {
            return new Version(e.version, e.eventId, e.verb, e.platform, e.accountId, e.commentId, e.postId,
                    e.parentId, e.authorId, e.authorName, e.text, e.permalink, e.createdAt, e.receivedAt,
                    e.storedAt, e.contentType, e.rawBodySha256, e.rawFragmentSha256,
                    e.rawFragment == null ? null : Base64.getEncoder().encodeToString(e.rawFragment), e.culledAt);
        }
    }
}
