package se.kommun.moderation.ingest.youtube.domain;

import java.util.Map;

/**
 * The reply counts of threads whose replies were last fetched in full. A thread embeds only a few of
 * its replies; fetching the rest costs API quota on every poll, so it is done again only when the
 * count has changed. Kept in memory on purpose: after a restart each such thread is fetched once more,
 * which costs quota but never loses a reply (the watermark filters what was already emitted).
 */
final class ReplyCounts {

    private final Map<String, Integer> counts;

    ReplyCounts(int capacity) {
        this.counts = BoundedLru.map(capacity);
    }

    boolean needsFetch(String channelId, ModerationStatus status, CommentThread thread) {
        Integer known = counts.get(key(channelId, status, thread));
        return thread.repliesIncomplete() && (known == null || known != thread.totalReplyCount());
    }

    void remember(String channelId, ModerationStatus status, CommentThread thread) {
        counts.put(key(channelId, status, thread), thread.totalReplyCount());
    }

    private static String key(String channelId, ModerationStatus status, CommentThread thread) {
        return channelId + '/' + status.apiValue() + '/' + thread.topLevelCommentId();
    }
}
