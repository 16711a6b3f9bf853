package se.kommun.moderation.ingest.youtube.domain;

import java.time.Instant;

/**
 * What the poller needs to know about a thread beyond its comments.
 *
 * @param topLevelCommentId the parent of every reply in the thread
 * @param videoId           the thread's video, for replies that do not name it
 * @param newestActivity    the latest {@code updatedAt} of any comment we saw in it, {@code null} if none
 *                          could be read
 * @param totalReplyCount   how many replies the thread has, as the API counts them
 * @param repliesIncomplete {@code replies.comments} holds fewer replies than {@code totalReplyCount}: the
 *                          API only embeds a few, the rest must be fetched with {@code comments.list}
 */
public record CommentThread(String topLevelCommentId, String videoId, Instant newestActivity,
        int totalReplyCount, boolean repliesIncomplete) {
}
