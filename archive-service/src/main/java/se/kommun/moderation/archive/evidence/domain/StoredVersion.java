package se.kommun.moderation.archive.evidence.domain;

import java.time.Instant;

/**
 * One stored version of a comment as the renditions and packages read it. {@code text} and
 * {@code rawFragment} are null once gallring has culled the version's content.
 */
public record StoredVersion(
        long id,
        String commentKey,
        int version,
        String verb,
        String platform,
        String accountId,
        String commentId,
        String postId,
        String parentId,
        String authorName,
        String text,
        String permalink,
        Instant createdAt,
        Instant receivedAt,
        String contentType,
        String rawFragmentSha256,
        byte[] rawFragment) {

    public boolean culled() {
        return text == null && rawFragment == null;
    }

    /**
     * The thread a comment belongs to within its account: its post when the platform names one,
     * else the comment it answers, else itself (a top-level comment starts its own thread).
     */
    public String threadKey() {
        if (postId != null && !postId.isBlank()) {
            return postId;
        }
        if (parentId != null && !parentId.isBlank()) {
            return parentId;
        }
        return commentId;
    }
}
