package se.kommun.moderation.ingest.youtube.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The YouTube comment poller and its WebSub endpoint. Credentials come from configuration or the
 * environment only (e.g. {@code INGEST_YOUTUBE_API_KEY}, {@code INGEST_YOUTUBE_OAUTH_TOKEN},
 * {@code INGEST_YOUTUBE_WEBSUB_SECRET}), never from the repository.
 */
@ConfigMapping(prefix = "ingest.youtube")
public interface YouTubeConfig {

    /** The YouTube Data API v3; a test points it at a fake. */
    @WithDefault("https://www.googleapis.com/youtube/v3")
    String baseUrl();

    /** Sent as {@code key=}; enough for published comments. */
    Optional<String> apiKey();

    /**
     * Sent as {@code Authorization: Bearer}; the channel owner's token is what heldForReview and likelySpam
     * need.
     */
    Optional<String> oauthToken();

    /** Between two polls of every channel. The {@code @Scheduled} expression reads the same property. */
    @WithDefault("60s")
    Duration pollInterval();

    /** Before the first scheduled poll after start. */
    @WithDefault("10s")
    Duration firstPollDelay();

    /** The channel ids to poll; none by default, and then the poller is idle. */
    Optional<List<String>> channels();

    /** Polled one call each; drop heldForReview and likelySpam when only an API key is configured. */
    @WithDefault("published,heldForReview,likelySpam")
    List<String> moderationStatuses();

    /** The {@code hub.secret} given when subscribing; without it every notification is dropped. */
    Optional<String> websubSecret();

    /** Largest accepted WebSub notification (an Atom feed of one entry is about 1 KiB). */
    @WithDefault("65536")
    int websubMaxBodyBytes();

    default List<String> channelIds() {
        return channels().orElse(List.of());
    }
}
