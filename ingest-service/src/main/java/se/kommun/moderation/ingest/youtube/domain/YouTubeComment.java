package se.kommun.moderation.ingest.youtube.domain;

import java.time.Instant;
import java.util.Objects;
import se.kommun.moderation.events.RawPayload;

/**
 * One comment (top-level or reply) as read from an API response, with the exact bytes it came in.
 * Timestamps are truncated to microseconds, the precision the watermark is stored with, so that a
 * comment compares the same before and after a restart.
 *
 * @param parentId the top-level comment's id for a reply, {@code null} for a top-level comment
 * @param videoId  {@code null} for a comment on the channel itself
 */
public record YouTubeComment(
        String commentId,
        String videoId,
        String parentId,
        String authorChannelId,
        String authorDisplayName,
        String text,
        Instant publishedAt,
        Instant updatedAt,
        RawPayload raw) {

    public YouTubeComment {
        Objects.requireNonNull(commentId, "commentId is required");
        Objects.requireNonNull(publishedAt, "publishedAt is required");
        Objects.requireNonNull(updatedAt, "updatedAt is required");
        Objects.requireNonNull(raw, "raw is required");
    }

    /** This version of the comment: the API changes {@code updatedAt} on every edit. */
    public String versionKey() {
        return commentId + '@' + updatedAt;
    }

    public boolean isEdited() {
        return updatedAt.isAfter(publishedAt);
    }
}
