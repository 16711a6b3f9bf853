package se.kommun.moderation.ingest.youtube.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import se.kommun.moderation.ingest.youtube.domain.ModerationStatus;
import se.kommun.moderation.ingest.youtube.domain.YouTubeApi;
import se.kommun.moderation.ingest.youtube.domain.YouTubeApiException;
import se.kommun.moderation.ingest.youtube.support.CommentThreadsJson.Comment;
import se.kommun.moderation.ingest.youtube.support.CommentThreadsJson.Thread;

/**
 * A channel's comments as the API would list them: per moderation status, threads newest activity
 * first, {@code pageSize} per page, at most {@code embeddedReplies} replies embedded in a thread (the
 * rest only through {@code comments.list}). Records every call.
 */
public final class InMemoryYouTube implements YouTubeApi {

    private final Map<ModerationStatus, List<List<Comment>>> threads = new EnumMap<>(ModerationStatus.class);
    private final Map<ModerationStatus, YouTubeApiException> refusals = new EnumMap<>(ModerationStatus.class);
    private final List<String> calls = new ArrayList<>();
    private final int pageSize;
    private final int embeddedReplies;

    public InMemoryYouTube(int pageSize, int embeddedReplies) {
        this.pageSize = pageSize;
        this.embeddedReplies = embeddedReplies;
    }

    /** A new thread: its top-level comment first, then its replies, oldest first. */
    public void thread(ModerationStatus status, Comment top, Comment... replies) {
        List<Comment> thread = new ArrayList<>();
        thread.add(top);
        thread.addAll(List.of(replies));
        threads.computeIfAbsent(status, s -> new ArrayList<>()).add(thread);
    }

    public void reply(ModerationStatus status, Comment reply) {
        threadOf(status, reply.parentId()).add(reply);
    }

    /** Replaces the comment with the same id, wherever it is listed. */
    public void replace(Comment changed) {
        for (List<List<Comment>> listed : threads.values()) {
            for (List<Comment> thread : listed) {
                thread.replaceAll(comment -> comment.id().equals(changed.id()) ? changed : comment);
            }
        }
    }

    public void refuse(ModerationStatus status, YouTubeApiException refusal) {
        if (refusal == null) {
            refusals.remove(status);
        } else {
            refusals.put(status, refusal);
        }
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    public void forgetCalls() {
        calls.clear();
    }

    @Override
    public byte[] commentThreads(String channelId, ModerationStatus status, String pageToken)
            throws YouTubeApiException {
        calls.add("threads " + status.apiValue() + " " + pageToken);
        if (refusals.containsKey(status)) {
            throw refusals.get(status);
        }
        List<List<Comment>> ordered = new ArrayList<>(threads.getOrDefault(status, List.of()));
        ordered.sort(Comparator.comparing(InMemoryYouTube::newestActivity).reversed());
        int from = pageToken == null ? 0 : Integer.parseInt(pageToken.substring("page-".length()));
        int to = Math.min(ordered.size(), from + pageSize);
        List<Thread> page = new ArrayList<>();
        for (List<Comment> thread : ordered.subList(from, to)) {
            List<Comment> replies = thread.subList(1, thread.size());
            page.add(new Thread(thread.get(0), replies.subList(0, Math.min(embeddedReplies, replies.size())),
                    replies.size()));
        }
        String next = to < ordered.size() ? "page-" + to : null;
        return CommentThreadsJson.threadPage(next, page.toArray(Thread[]::new)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] replies(String parentId, String pageToken) {
        calls.add("replies " + parentId + " " + pageToken);
        List<Comment> replies = threads.values().stream().flatMap(List::stream)
                .filter(thread -> thread.get(0).id().equals(parentId)).findFirst()
                .map(thread -> thread.subList(1, thread.size())).orElse(List.of());
        int from = pageToken == null ? 0 : Integer.parseInt(pageToken.substring("page-".length()));
        int to = Math.min(replies.size(), from + pageSize);
        String next = to < replies.size() ? "page-" + to : null;
        return CommentThreadsJson.replyPage(next, replies.subList(from, to).toArray(Comment[]::new))
                .getBytes(StandardCharsets.UTF_8);
    }

    private List<Comment> threadOf(ModerationStatus status, String topLevelId) {
        return threads.get(status).stream().filter(thread -> thread.get(0).id().equals(topLevelId)).findFirst()
                .orElseThrow();
    }

    private static String newestActivity(List<Comment> thread) {
        // ISO-8601 instants in one format sort as strings.
        return thread.stream().map(Comment::updatedAt).max(String::compareTo).orElseThrow();
    }
}
