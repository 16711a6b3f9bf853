package se.kommun.moderation.ingest.youtube.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Builds YouTube Data API v3 responses in the documented shapes: {@code youtube#commentThreadListResponse}
 * (items[].snippet.topLevelComment, items[].replies.comments[]) and {@code youtube#commentListResponse}.
 * Pretty-printed on purpose, so that fragment tests see whitespace between objects.
 */
public final class CommentThreadsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CommentThreadsJson() {
    }

    /** One comment resource ({@code youtube#comment}); {@code parentId} only for replies. */
    public record Comment(String id, String channelId, String videoId, String parentId, String authorChannelId,
            String authorDisplayName, String text, String publishedAt, String updatedAt) {

        public static Comment top(String id, String channelId, String videoId, String text, String publishedAt,
                String updatedAt) {
            return new Comment(id, channelId, videoId, null, "UCauthor-" + id, "Författare " + id, text, publishedAt,
                    updatedAt);
        }

        public static Comment reply(String id, Comment parent, String text, String publishedAt, String updatedAt) {
            return new Comment(id, parent.channelId(), parent.videoId(), parent.id(), "UCauthor-" + id,
                    "Svarare " + id, text, publishedAt, updatedAt);
        }

        public Comment editedTo(String newText, String newUpdatedAt) {
            return new Comment(id, channelId, videoId, parentId, authorChannelId, authorDisplayName, newText,
                    publishedAt, newUpdatedAt);
        }
    }

    /** A thread: its top-level comment, the replies embedded in the response, and the total reply count. */
    public record Thread(Comment top, List<Comment> embeddedReplies, int totalReplyCount) {

        public static Thread of(Comment top, Comment... replies) {
            return new Thread(top, List.of(replies), replies.length);
        }
    }

    public static String threadPage(String nextPageToken, Thread... threads) {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", "youtube#commentThreadListResponse");
        root.put("etag", "etag-threads");
        if (nextPageToken != null) {
            root.put("nextPageToken", nextPageToken);
        }
        ObjectNode pageInfo = root.putObject("pageInfo");
        pageInfo.put("totalResults", threads.length);
        pageInfo.put("resultsPerPage", 100);
        ArrayNode items = root.putArray("items");
        for (Thread thread : threads) {
            ObjectNode item = items.addObject();
            item.put("kind", "youtube#commentThread");
            item.put("etag", "etag-" + thread.top().id());
            item.put("id", thread.top().id());
            ObjectNode snippet = item.putObject("snippet");
            snippet.put("channelId", thread.top().channelId());
            snippet.put("videoId", thread.top().videoId());
            snippet.set("topLevelComment", comment(thread.top()));
            snippet.put("canReply", true);
            snippet.put("totalReplyCount", thread.totalReplyCount());
            snippet.put("isPublic", true);
            if (!thread.embeddedReplies().isEmpty()) {
                ArrayNode replies = item.putObject("replies").putArray("comments");
                thread.embeddedReplies().forEach(reply -> replies.add(comment(reply)));
            }
        }
        return write(root);
    }

    public static String replyPage(String nextPageToken, Comment... replies) {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", "youtube#commentListResponse");
        root.put("etag", "etag-comments");
        if (nextPageToken != null) {
            root.put("nextPageToken", nextPageToken);
        }
        ArrayNode items = root.putArray("items");
        for (Comment reply : replies) {
            items.add(comment(reply));
        }
        return write(root);
    }

    static ObjectNode comment(Comment comment) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", "youtube#comment");
        node.put("etag", "etag-" + comment.id() + "-" + comment.updatedAt());
        node.put("id", comment.id());
        ObjectNode snippet = node.putObject("snippet");
        snippet.put("channelId", comment.channelId());
        snippet.put("videoId", comment.videoId());
        snippet.put("textDisplay", comment.text());
        snippet.put("textOriginal", comment.text());
        if (comment.parentId() != null) {
            snippet.put("parentId", comment.parentId());
        }
        snippet.put("authorDisplayName", comment.authorDisplayName());
        snippet.put("authorProfileImageUrl", "https://yt3.ggpht.com/ytc/" + comment.authorChannelId());
        snippet.put("authorChannelUrl", "http://www.youtube.com/channel/" + comment.authorChannelId());
        snippet.putObject("authorChannelId").put("value", comment.authorChannelId());
        snippet.put("canRate", true);
        snippet.put("viewerRating", "none");
        snippet.put("likeCount", 0);
        snippet.put("publishedAt", comment.publishedAt());
        snippet.put("updatedAt", comment.updatedAt());
        return node;
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
