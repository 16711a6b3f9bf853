package se.kommun.moderation.ingest.meta.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The Meta app (Facebook Pages and Instagram). Secrets from configuration or environment only. */
@ConfigMapping(prefix = "ingest.meta")
public interface MetaConfig {

    /** The app secret that signs deliveries (X-Hub-Signature-256). */
    Optional<String> appSecret();

    /** The token we gave Meta when subscribing; echoed back in the verification request. */
    Optional<String> verifyToken();

    /** Meta batches up to 1,000 changes per POST. */
    @WithDefault("1048576")
    int maxBodyBytes();

    /**
     * Where Facebook permalinks point. Only a test or a staging set-up changes it, to a local page
     * server that stands in for facebook.com, so the archive's screenshot has something to load.
     */
    @WithDefault("https://www.facebook.com")
    String permalinkBase();

    /** Looking up the permalink of the Instagram media a comment is on (the webhook has none). */
    Instagram instagram();

    /** {@code ingest.meta.instagram.*}; the Graph API base URL is {@code ingest.commands.instagram.base-url}. */
    interface Instagram {

        /** The longest a delivery waits for a permalink; after it, the comment goes out without one. */
        @WithDefault("2s")
        Duration permalinkTimeout();

        /** Media permalinks kept (they do not change); the least recently used are forgotten beyond it. */
        @WithDefault("10000")
        int permalinkCacheSize();
    }
}
