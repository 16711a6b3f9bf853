package se.kommun.moderation.ingest.linkedin.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.ingest.delivery.domain.JsonFragments;
import se.kommun.moderation.ingest.delivery.domain.MappedDelivery;
import se.kommun.moderation.ingest.delivery.domain.MappedDelivery.Unmappable;
import se.kommun.moderation.ingest.delivery.domain.RawBody;
import se.kommun.moderation.ingest.delivery.domain.UnreadableDeliveryException;

/**
 * LinkedIn {@code ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS} (domain.md §5.4) to comments: COMMENT,
 * COMMENT_EDIT and COMMENT_DELETE on the organisation's posts. Likes, shares, mentions and the
 * organisation's own comments are counted and skipped; notifications already seen (by
 * {@code notificationId}) are counted as duplicates.
 */
public final class LinkedInPayloadMapper {

    private static final Map<String, Verb> ACTIONS = Map.of(
            "COMMENT", Verb.ADDED, "COMMENT_EDIT", Verb.EDITED, "COMMENT_DELETE", Verb.REMOVED_BY_AUTHOR);

    /** The mapped delivery and the notification ids it carried (to be remembered once published). */
    public record Mapped(MappedDelivery delivery, List<String> notificationIds, int duplicates) {
    }

    /** The notification ids a delivery carries, to look up which were seen before. */
    public List<String> notificationIds(RawBody body) {
        List<String> ids = new ArrayList<>();
        for (JsonNode notification : read(body).root().path("notifications")) {
            if (notification.hasNonNull("notificationId")) {
                ids.add(notification.get("notificationId").asText());
            }
        }
        return ids;
    }

    public Mapped map(RawBody body, Instant receivedAt, Set<String> alreadySeen) {
        JsonFragments document = read(body);
        JsonNode root = document.root();
        List<CommentReceived> comments = new ArrayList<>();
        List<Unmappable> unmappable = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int skipped = 0;
        int duplicates = 0;
        for (JsonNode notification : root.path("notifications")) {
            String notificationId = notification.path("notificationId").asText(null);
            String account = organisationId(notification.path("organizationalEntity").asText(null));
            Verb verb = ACTIONS.get(notification.path("action").asText(""));
            if (verb == null) {
                skipped++;
                continue;
            }
            if (notificationId != null && alreadySeen.contains(notificationId)) {
                duplicates++;
                continue;
            }
            byte[] fragment = document.fragmentOf(notification);
            try {
                comments.add(comment(account, notificationId, verb, notification, body, fragment, receivedAt));
                ids.add(notificationId);
            } catch (UnreadableDeliveryException e) {
                unmappable.add(new Unmappable(account, "notification: " + e.getMessage(), fragment));
            }
        }
        return new Mapped(new MappedDelivery(Platform.LINKEDIN, comments, skipped + duplicates, unmappable), ids,
                duplicates);
    }

    private JsonFragments read(RawBody body) {
        JsonFragments document;
        try {
            document = JsonFragments.read(body.bytes(), ".notifications[*]");
        } catch (IllegalArgumentException e) {
            throw new UnreadableDeliveryException("body is not valid JSON");
        }
        JsonNode root = document.root();
        if (!root.isObject() || !root.path("notifications").isArray()) {
            throw new UnreadableDeliveryException("expected an object with a 'notifications' array");
        }
        return document;
    }

    private static CommentReceived comment(String account, String notificationId, Verb verb, JsonNode n,
            RawBody body, byte[] fragment, Instant receivedAt) {
        if (notificationId == null || notificationId.isBlank()) {
            throw new UnreadableDeliveryException("'notificationId' is missing");
        }
        if (account == null) {
            throw new UnreadableDeliveryException("'organizationalEntity' is not an organization URN");
        }
        String commentUrn = n.path("generatedActivity").asText(null);
        if (commentUrn == null || commentUrn.isBlank()) {
            throw new UnreadableDeliveryException("'generatedActivity' is missing");
        }
        JsonNode decorated = n.path("decoratedGeneratedActivity");
        JsonNode comment = decorated.has("comment") ? decorated.get("comment") : decorated;
        String text = firstText(comment, "text", "message.text", "commentary");
        String actor = firstText(comment, "actor", "owner");
        String actorName = firstText(comment, "actorName", "actorDisplayName");
        String post = n.path("sourcePost").asText(null);
        Instant modified = n.hasNonNull("lastModifiedAt") ? Instant.ofEpochMilli(n.get("lastModifiedAt").asLong()) : null;
        String permalink = post == null ? null : "https://www.linkedin.com/feed/update/" + post + "/?commentUrn="
                + URLEncoder.encode(commentUrn, StandardCharsets.UTF_8);
        return new CommentReceived(Platform.LINKEDIN, account, commentUrn, post, null, new Author(actor, actorName),
                text == null ? "" : text, List.of(), permalink, modified, receivedAt, verb,
                "linkedin:" + notificationId, body.withFragment(fragment));
    }

    /** {@code urn:li:organization:2414183} → {@code 2414183}. */
    static String organisationId(String urn) {
        String prefix = "urn:li:organization:";
        return urn != null && urn.startsWith(prefix) && urn.length() > prefix.length() ? urn.substring(prefix.length())
                : null;
    }

    private static String firstText(JsonNode node, String... paths) {
        for (String path : paths) {
            JsonNode value = node;
            for (String part : path.split("\\.")) {
                value = value.path(part);
            }
            if (value.isTextual()) {
                return value.asText();
            }
        }
        return null;
    }
}
