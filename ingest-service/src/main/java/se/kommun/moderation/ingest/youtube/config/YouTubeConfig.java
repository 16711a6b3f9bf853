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

    /** Subscribing to the channels' video feeds at the WebSub hub, and keeping the leases alive. */
    WebSub websub();

    default List<String> channelIds() {
        return channels().orElse(List.of());
    }

    /** {@code ingest.youtube.websub.*}; the shared secret stays {@code ingest.youtube.websub-secret}. */
    interface WebSub {

        /** Google's hub; a test points it at a fake. */
        @WithDefault("https://pubsubhubbub.appspot.com/subscribe")
        String hubUrl();

        /**
         * Our public URL of {@code /webhooks/youtube/websub}, as the hub reaches it. Unset: nothing is
         * subscribed (the endpoint still answers a hub that someone subscribed by hand).
         */
        Optional<String> callbackUrl();

        /** The {@code hub.lease_seconds} asked for; the hub may grant another, which is what is renewed. */
        @WithDefault("5d")
        Duration lease();

        /** Between two checks for subscriptions to send, renew or cancel. */
        @WithDefault("10m")
        Duration checkInterval();

        /** Before the first check after start. */
        @WithDefault("30s")
        Duration firstCheckDelay();

        /** For one request to the hub; a check does not wait longer for it. */
        @WithDefault("10s")
        Duration requestTimeout();
    }
}
