package se.kommun.moderation.ingest.youtube.domain;

import se.kommun.moderation.ingest.delivery.domain.JsonObjectSlices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import se.kommun.moderation.events.RawPayload;
import se.kommun.moderation.ingest.signature.HmacSignatures;

/**
 * Reads {@code commentThreads.list} and {@code comments.list} responses (YouTube Data API v3) into
 * comments, each with the exact bytes of its own JSON object. A response that is not a list response
 * at all is an error (the poll is retried); a single comment that lacks its id or timestamps is set
 * aside as unmappable so the rest of the page still counts.
 */
public final class YouTubeResponseParser {

    static final String CONTENT_TYPE = "application/json";

    private static final Pattern THREAD_OBJECTS = Pattern.compile(
            "/items/\\d+|/items/\\d+/snippet/topLevelComment|/items/\\d+/replies/comments/\\d+");
    private static final Pattern LISTED_COMMENT = Pattern.compile("/items/\\d+");

    private final ObjectMapper json = new ObjectMapper();

    /** A {@code youtube#commentThreadListResponse}: top-level comments and their embedded replies. */
    public ThreadPage parseThreads(byte[] body) throws MalformedResponseException {
        JsonNode root = root(body);
        JsonNode items = items(root, "commentThreadListResponse");
        JsonObjectSlices slices = slices(body, THREAD_OBJECTS);
        String bodySha256 = HmacSignatures.sha256Hex(body);
        List<CommentThread> threads = new ArrayList<>();
        List<YouTubeComment> comments = new ArrayList<>();
        List<UnmappableComment> unmappable = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode thread = items.get(i);
            JsonNode snippet = thread.path("snippet");
            JsonNode topLevel = snippet.path("topLevelComment");
            String topLevelId = firstText(topLevel.path("id"), thread.path("id"));
            String videoId = text(snippet.path("videoId"));
            List<YouTubeComment> inThread = new ArrayList<>();

            String topPointer = "/items/" + i + "/snippet/topLevelComment";
            if (topLevel.isObject()) {
                read(topLevel, topPointer, slices, bodySha256, null, videoId, inThread, unmappable);
            } else {
                // Keep the whole thread: there is no comment object to cut out.
                unmappable.add(new UnmappableComment("items." + i + " has no snippet.topLevelComment object",
                        orEmpty(slices.bytesAt("/items/" + i))));
            }
            JsonNode replies = thread.path("replies").path("comments");
            for (int j = 0; j < replies.size(); j++) {
                read(replies.get(j), "/items/" + i + "/replies/comments/" + j, slices, bodySha256, topLevelId, videoId,
                        inThread, unmappable);
            }
            comments.addAll(inThread);
            int totalReplyCount = snippet.path("totalReplyCount").asInt(0);
            boolean incomplete = topLevelId != null && totalReplyCount > replies.size();
            threads.add(new CommentThread(topLevelId, videoId, newest(inThread), totalReplyCount, incomplete));
        }
        return new ThreadPage(threads, comments, unmappable, text(root.path("nextPageToken")));
    }

    /** A {@code youtube#commentListResponse} of replies to {@code parentId}. */
    public ReplyPage parseReplies(byte[] body, String parentId, String videoId) throws MalformedResponseException {
        JsonNode root = root(body);
        JsonNode items = items(root, "commentListResponse");
        JsonObjectSlices slices = slices(body, LISTED_COMMENT);
        String bodySha256 = HmacSignatures.sha256Hex(body);
        List<YouTubeComment> comments = new ArrayList<>();
        List<UnmappableComment> unmappable = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            read(items.get(i), "/items/" + i, slices, bodySha256, parentId, videoId, comments, unmappable);
        }
        return new ReplyPage(comments, unmappable, text(root.path("nextPageToken")));
    }

    private void read(JsonNode comment, String pointer, JsonObjectSlices slices, String bodySha256,
            String parentFallback, String videoFallback, List<YouTubeComment> into, List<UnmappableComment> unmappable) {
        byte[] fragment = orEmpty(slices.bytesAt(pointer));
        String where = pointer.substring(1).replace('/', '.');
        JsonNode snippet = comment.path("snippet");
        String id = text(comment.path("id"));
        if (id == null) {
            unmappable.add(new UnmappableComment(where + " has no id", fragment));
            return;
        }
        Instant publishedAt;
        Instant updatedAt;
        try {
            publishedAt = instant(snippet.path("publishedAt"));
            updatedAt = instant(snippet.path("updatedAt"));
        } catch (DateTimeParseException badTime) {
            unmappable.add(new UnmappableComment(where + " has an unreadable publishedAt or updatedAt", fragment));
            return;
        }
        if (publishedAt == null) {
            unmappable.add(new UnmappableComment(where + " has no snippet.publishedAt", fragment));
            return;
        }
        // An unedited comment may omit updatedAt; it was then last updated when it was published.
        updatedAt = updatedAt == null ? publishedAt : updatedAt;
        String parentId = parentFallback == null ? null : firstText(snippet.path("parentId"), parentFallback);
        into.add(new YouTubeComment(id,
                firstText(snippet.path("videoId"), videoFallback),
                parentId,
                text(snippet.path("authorChannelId").path("value")),
                text(snippet.path("authorDisplayName")),
                // textOriginal is only returned to the author or the channel owner; textDisplay otherwise.
                firstText(snippet.path("textOriginal"), text(snippet.path("textDisplay"))),
                publishedAt, updatedAt,
                new RawPayload(bodySha256, CONTENT_TYPE, fragment,
                        HmacSignatures.sha256Hex(fragment))));
    }

    private static JsonNode items(JsonNode root, String kind) throws MalformedResponseException {
        JsonNode items = root.path("items");
        if (!items.isArray()) {
            throw new MalformedResponseException("the response is not a " + kind + " (no items array)");
        }
        return items;
    }

    private JsonNode root(byte[] body) throws MalformedResponseException {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw new MalformedResponseException("the response is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new MalformedResponseException("the response is not well-formed JSON", e);
        }
    }

    private static JsonObjectSlices slices(byte[] body, Pattern wanted) throws MalformedResponseException {
        try {
            return JsonObjectSlices.index(body, pointer -> wanted.matcher(pointer).matches());
        } catch (IOException e) {
            throw new MalformedResponseException("the response is not well-formed JSON", e);
        }
    }

    private static Instant newest(List<YouTubeComment> comments) {
        return comments.stream().map(YouTubeComment::updatedAt).max(Instant::compareTo).orElse(null);
    }

    private static Instant instant(JsonNode node) {
        String value = text(node);
        // RFC 3339 as the API writes it, with or without fractions; stored with microsecond precision.
        return value == null ? null : OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    private static String firstText(JsonNode node, JsonNode fallback) {
        String value = text(node);
        return value != null ? value : text(fallback);
    }

    private static String firstText(JsonNode node, String fallback) {
        String value = text(node);
        return value != null ? value : fallback;
    }

    private static byte[] orEmpty(byte[] bytes) {
        return bytes == null ? new byte[0] : bytes;
    }
}
