package se.kommun.moderation.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/** Typed configuration of the platform edge. Secrets come from configuration or environment only. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    Web web();

    interface Web {

        /** Largest accepted body of one web/blog comment, in bytes. */
        @WithDefault("262144")
        int maxBodyBytes();

        /** The web and blog comment fields that may post to us, by account id. */
        Map<String, WebAccount> accounts();
    }

    interface WebAccount {

        /** The shared secret the site signs its posts with (X-Signature-256). */
        Optional<String> secret();

        /** {@code web} or {@code blog}. */
        @WithDefault("web")
        String platform();
    }
}
