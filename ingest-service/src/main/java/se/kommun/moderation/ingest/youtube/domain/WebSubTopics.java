package se.kommun.moderation.ingest.youtube.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The WebSub topic of a channel: its video feed,
 * {@code https://www.youtube.com/xml/feeds/videos.xml?channel_id=CHANNEL_ID} (domain.md §5.2).
 */
public final class WebSubTopics {

    private static final Set<String> HOSTS = Set.of("www.youtube.com", "youtube.com");
    private static final String FEED_PATH = "/xml/feeds/videos.xml";

    private WebSubTopics() {
    }

    public static String feedUrl(String channelId) {
        return "https://www.youtube.com" + FEED_PATH + "?channel_id=" + channelId;
    }

    /** The channel a feed URL is about, if it is a YouTube channel video feed at all. */
    public static Optional<String> channelOf(String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(topic.trim());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || !HOSTS.contains(host)
                || !FEED_PATH.equals(uri.getPath()) || uri.getRawQuery() == null) {
            return Optional.empty();
        }
        for (String parameter : uri.getRawQuery().split("&")) {
            if (parameter.startsWith("channel_id=")) {
                String value = URLDecoder.decode(parameter.substring("channel_id=".length()), StandardCharsets.UTF_8);
                return value.isBlank() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
