package se.kommun.moderation.ingest.linkedin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The LinkedIn app's webhook. The client secret comes from configuration or environment. */
@ConfigMapping(prefix = "ingest.linkedin")
public interface LinkedInConfig {

    Optional<String> clientSecret();

    @WithDefault("1048576")
    int maxBodyBytes();
}
