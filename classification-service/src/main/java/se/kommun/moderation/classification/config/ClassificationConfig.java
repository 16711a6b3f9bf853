package se.kommun.moderation.classification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "classification")
public interface ClassificationConfig {

    /** Below this confidence a human confirms before any irreversible action. */
    @WithDefault("0.6")
    double reviewThreshold();
}
