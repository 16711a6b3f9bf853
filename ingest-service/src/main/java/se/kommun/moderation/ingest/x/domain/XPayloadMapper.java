package se.kommun.moderation.ingest.x.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
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
 * X Account Activity deliveries (domain.md §5.3) to comments: a tweet in {@code tweet_create_events}
 * is a comment to the municipality when it replies to or mentions the subscribed account
 * ({@code for_user_id}). The account's own tweets and every other activity are counted and skipped.
 */
public final class XPayloadMapper {

    public MappedDelivery map(RawBody body, Instant receivedAt) {
        JsonFragments document;
        try {
            document = JsonFragments.read(body.bytes(), ".tweet_create_events[*]");
        } catch (IllegalArgumentException e) {
            throw new UnreadableDeliveryException("body is not valid JSON");
        }
        JsonNode root = document.root();
        if (!root.isObject() || !root.hasNonNull("for_user_id")) {
            throw new UnreadableDeliveryException("expected an object with 'for_user_id'");
        }
        String account = root.get("for_user_id").asText();
        List<CommentReceived> comments = new ArrayList<>();
        List<Unmappable> unmappable = new ArrayList<>();
        int skipped = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isArray() && !field.getKey().equals("tweet_create_events")) {
                skipped += field.getValue().size(); // likes, follows, direct messages…
            }
        }
        for (JsonNode tweet : root.path("tweet_create_events")) {
            if (!tweet.isObject() || !isAddressedTo(account, tweet)) {
                skipped++;
                continue;
            }
            byte[] fragment = document.fragmentOf(tweet);
            try {
                comments.add(comment(account, tweet, body, fragment, receivedAt));
            } catch (UnreadableDeliveryException e) {
                unmappable.add(new Unmappable(account, "tweet: " + e.getMessage(), fragment));
            }
        }
        return new MappedDelivery(Platform.X, comments, skipped, unmappable);
    }

    static boolean isAddressedTo(String account, JsonNode tweet) {
        if (account.equals(tweet.path("user").path("id_str").asText())) {
            return false; // the municipality's own post
        }
        if (account.equals(tweet.path("in_reply_to_user_id_str").asText())) {
            return true;
        }
        for (JsonNode mention : mentions(tweet)) {
            if (account.equals(mention.path("id_str").asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode mentions(JsonNode tweet) {
        JsonNode extended = tweet.path("extended_tweet").path("entities").path("user_mentions");
        return extended.isArray() ? extended : tweet.path("entities").path("user_mentions");
    }

    private static CommentReceived comment(String account, JsonNode tweet, RawBody body, byte[] fragment,
            Instant receivedAt) {
        String id = tweet.path("id_str").asText(null);
        if (id == null || id.isBlank()) {
            throw new UnreadableDeliveryException("'id_str' is missing");
        }
        JsonNode user = tweet.path("user");
        String screenName = user.path("screen_name").asText(null);
        String text = tweet.path("extended_tweet").path("full_text").asText(null);
        if (text == null) {
            text = tweet.has("full_text") ? tweet.get("full_text").asText() : tweet.path("text").asText("");
        }
        List<String> media = new ArrayList<>();
        JsonNode entities = tweet.path("extended_tweet").has("extended_entities")
                ? tweet.path("extended_tweet").path("extended_entities") : tweet.path("extended_entities");
        for (JsonNode item : entities.path("media")) {
            media.add(item.path("media_url_https").asText(item.path("url").asText()));
        }
        Instant created = tweet.hasNonNull("timestamp_ms")
                ? Instant.ofEpochMilli(tweet.get("timestamp_ms").asLong())
                : tweet.hasNonNull("created_at") ? Timestamps.xCreatedAt(tweet.get("created_at").asText()) : null;
        String replyTo = tweet.path("in_reply_to_status_id_str").asText(null);
        String permalink = "https://x.com/" + (screenName == null ? "i/web" : screenName) + "/status/" + id;
        return new CommentReceived(Platform.X, account, id, replyTo, replyTo,
                new Author(user.path("id_str").asText(null), user.path("name").asText(screenName)), text, media,
                permalink, created, receivedAt, Verb.ADDED, "x:" + id, body.withFragment(fragment));
    }
}
