package se.kommun.moderation.ingest.meta.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.ingest.delivery.domain.JsonFragments;
import se.kommun.moderation.ingest.delivery.domain.MappedDelivery;
import se.kommun.moderation.ingest.delivery.domain.MappedDelivery.Unmappable;
import se.kommun.moderation.ingest.delivery.domain.RawBody;
import se.kommun.moderation.ingest.delivery.domain.Timestamps;
import se.kommun.moderation.ingest.delivery.domain.UnreadableDeliveryException;

/**
 * Meta webhooks (domain.md §5.1) to comments: the Facebook Page {@code feed} field and Instagram
 * {@code comments}, the latter in both documented shapes ({@code entry[].changes[]} with Facebook
 * Login, flat {@code entry[].field/value} with Instagram Login). A batch carries up to 1,000 changes;
 * each comment change becomes one event, everything else (reactions, posts, shares) is counted and
 * skipped.
 */
public final class MetaPayloadMapper {

    private static final Map<String, Verb> FEED_VERBS = Map.of(
            "add", Verb.ADDED, "edited", Verb.EDITED, "remove", Verb.REMOVED_BY_AUTHOR,
            "hide", Verb.HIDDEN, "unhide", Verb.UNHIDDEN);

    private final String permalinkBase;

    public MetaPayloadMapper() {
        this("https://www.facebook.com");
    }

    /** @param permalinkBase where Facebook permalinks point, without a trailing slash */
    public MetaPayloadMapper(String permalinkBase) {
        this.permalinkBase = permalinkBase.endsWith("/")
                ? permalinkBase.substring(0, permalinkBase.length() - 1) : permalinkBase;
    }

    public MappedDelivery map(RawBody body, Instant receivedAt) {
        JsonFragments document;
        try {
            // Both shapes' change objects are marked; a path that matches nothing costs nothing.
            document = JsonFragments.read(body.bytes(), ".entry[*]", ".entry[*].changes[*]",
                    "[*].entry[*]", "[*].entry[*].changes[*]");
        } catch (IllegalArgumentException e) {
            throw new UnreadableDeliveryException("body is not valid JSON");
        }
        JsonNode root = document.root();
        // Instagram's documentation shows the notification wrapped in an array.
        boolean wrapped = root.isArray();
        JsonNode notification = wrapped ? (root.size() == 1 ? root.get(0) : null) : root;
        if (notification == null || !notification.isObject() || !notification.path("entry").isArray()) {
            throw new UnreadableDeliveryException("expected an object with an 'entry' array");
        }
        String object = notification.path("object").asText("");
        return switch (object) {
            case "page" -> mapFeed(notification, document, body, receivedAt);
            case "instagram" -> mapInstagram(notification, document, body, receivedAt);
            default -> throw new UnreadableDeliveryException("unsupported object '" + clip(object) + "'");
        };
    }

    private MappedDelivery mapFeed(JsonNode notification, JsonFragments document, RawBody body, Instant receivedAt) {
        List<CommentReceived> comments = new ArrayList<>();
        List<Unmappable> unmappable = new ArrayList<>();
        int skipped = 0;
        for (JsonNode entry : notification.path("entry")) {
            String pageId = entry.path("id").asText(null);
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                if (!"feed".equals(change.path("field").asText()) || !"comment".equals(value.path("item").asText())) {
                    skipped++;
                    continue;
                }
                byte[] fragment = document.fragmentOf(change);
                try {
                    comments.add(feedComment(pageId, value, body, fragment, receivedAt));
                } catch (UnreadableDeliveryException | IllegalArgumentException | NullPointerException e) {
                    unmappable.add(new Unmappable(pageId, "feed comment change: " + e.getMessage(), fragment));
                }
            }
        }
        return new MappedDelivery(Platform.FACEBOOK, comments, skipped, unmappable);
    }

    private CommentReceived feedComment(String pageId, JsonNode value, RawBody body, byte[] fragment,
            Instant receivedAt) {
        String verbName = value.path("verb").asText("");
        Verb verb = FEED_VERBS.get(verbName);
        if (verb == null) {
            throw new UnreadableDeliveryException("unknown verb '" + clip(verbName) + "'");
        }
        String commentId = required(value, "comment_id");
        String postId = value.path("post_id").asText(null);
        String parentId = value.path("parent_id").asText(null);
        if (parentId != null && parentId.equals(postId)) {
            parentId = null; // a comment on the post itself, not a reply
        }
        JsonNode from = value.path("from");
        Author author = from.isObject() ? new Author(from.path("id").asText(null), from.path("name").asText(null))
                : new Author(value.path("sender_id").asText(null), value.path("sender_name").asText(null));
        List<String> media = new ArrayList<>();
        for (String field : List.of("photo", "video", "link")) {
            if (value.hasNonNull(field)) {
                media.add(value.get(field).asText());
            }
        }
        // An edit keeps its comment id and verb: the fragment's hash tells two edits apart.
        String idempotencyKey = "facebook:" + commentId + ":" + verbName
                + (verb == Verb.EDITED ? ":" + body.withFragment(fragment).fragmentSha256() : "");
        return new CommentReceived(Platform.FACEBOOK, requireAccount(pageId), commentId, postId, parentId, author,
                value.path("message").asText(""), media, facebookPermalink(pageId, postId, commentId),
                Timestamps.unixSecondsOrIso(value.get("created_time")), receivedAt, verb, idempotencyKey,
                body.withFragment(fragment));
    }

    private MappedDelivery mapInstagram(JsonNode notification, JsonFragments document, RawBody body,
            Instant receivedAt) {
        List<CommentReceived> comments = new ArrayList<>();
        List<Unmappable> unmappable = new ArrayList<>();
        int skipped = 0;
        for (JsonNode entry : notification.path("entry")) {
            String accountId = entry.path("id").asText(null);
            List<JsonNode> changes = new ArrayList<>();
            if (entry.path("changes").isArray()) {
                entry.path("changes").forEach(changes::add);
            } else if (entry.has("field")) {
                changes.add(entry); // the flat shape: the entry is the change
            }
            for (JsonNode change : changes) {
                if (!"comments".equals(change.path("field").asText()) && !"live_comments".equals(change.path("field").asText())) {
                    skipped++;
                    continue;
                }
                byte[] fragment = document.fragmentOf(change);
                try {
                    comments.add(instagramComment(accountId, change.path("value"), body, fragment, receivedAt));
                } catch (UnreadableDeliveryException | IllegalArgumentException | NullPointerException e) {
                    unmappable.add(new Unmappable(accountId, "instagram comment: " + e.getMessage(), fragment));
                }
            }
        }
        return new MappedDelivery(Platform.INSTAGRAM, comments, skipped, unmappable);
    }

    private static CommentReceived instagramComment(String accountId, JsonNode value, RawBody body, byte[] fragment,
            Instant receivedAt) {
        String commentId = required(value, "id");
        JsonNode from = value.path("from");
        String mediaId = value.path("media").path("id").asText(null);
        List<String> media = mediaId == null ? List.of() : List.of("instagram-media:" + mediaId);
        // The webhook carries no shortcode, so no public URL of the post can be built from it alone.
        return new CommentReceived(Platform.INSTAGRAM, requireAccount(accountId), commentId, mediaId,
                value.path("parent_id").asText(null),
                new Author(from.path("id").asText(null), from.path("username").asText(null)),
                value.path("text").asText(""), media, null,
                Timestamps.unixSecondsOrIso(value.get("timestamp")), receivedAt, Verb.ADDED,
                "instagram:" + commentId, body.withFragment(fragment));
    }

    /** {@code https://www.facebook.com/<page>/posts/<post>?comment_id=<comment>} from Graph ids. */
    String facebookPermalink(String pageId, String postId, String commentId) {
        String base = permalinkBase;
        String post = postId != null && postId.contains("_") ? postId.substring(postId.indexOf('_') + 1) : postId;
        String comment = commentId.contains("_") ? commentId.substring(commentId.lastIndexOf('_') + 1) : commentId;
        if (pageId == null || post == null) {
            return base + "/" + commentId;
        }
        return base + "/" + pageId + "/posts/" + post + "?comment_id=" + comment;
    }

    private static String required(JsonNode value, String field) {
        String text = value.path(field).asText(null);
        if (text == null || text.isBlank()) {
            throw new UnreadableDeliveryException("'" + field + "' is missing");
        }
        return text;
    }

    private static String requireAccount(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw new UnreadableDeliveryException("entry has no account 'id'");
        }
        return accountId;
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
