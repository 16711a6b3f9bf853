package se.kommun.moderation.ingest.x.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The X app's Account Activity webhook. The consumer secret comes from configuration or environment. */
@ConfigMapping(prefix = "ingest.x")
public interface XConfig {

    /** The consumer (API) secret: signs the CRC answer and every delivery. */
    Optional<String> consumerSecret();

    @WithDefault("1048576")
    int maxBodyBytes();
}
