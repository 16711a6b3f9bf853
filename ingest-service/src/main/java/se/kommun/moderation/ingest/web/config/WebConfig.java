package se.kommun.moderation.ingest.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The web and blog comment endpoint. Accounts and their secrets are in the account registry. */
@ConfigMapping(prefix = "ingest.web")
public interface WebConfig {

    /** Largest accepted body of one web/blog comment, in bytes. */
    @WithDefault("262144")
    int maxBodyBytes();
}
