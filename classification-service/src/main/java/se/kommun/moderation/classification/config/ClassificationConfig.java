package se.kommun.moderation.classification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "classification")
public interface ClassificationConfig {

    /**
     * Without a model (classification.model.enabled=false): below this confidence a human confirms
     * before any irreversible action. With one, the model's own review threshold decides.
     */
    @WithDefault("0.6")
    double reviewThreshold();

    Rules rules();

    Model model();

    /**
     * Threads that classify one consumed batch together (slices of it, published in input order).
     * Unset: one per available processor. Classification is the service's bottleneck, and one thread
     * leaves the second core of a small machine to the Kafka clients alone.
     */
    Optional<Integer> workers();

    default int workerCount() {
        return Math.max(1, workers().orElse(Runtime.getRuntime().availableProcessors()));
    }

    interface Model {

        /**
         * A model file a municipality trained itself (bench/classify-train.sh, with its own moderators'
         * decisions among the corpus). Unset: the model bundled with the release.
         */
        Optional<String> path();

        /** Off: the rules decide alone (for comparison; every decision then says it had no model). */
        @WithDefault("true")
        boolean enabled();
    }

    interface Rules {

        /**
         * A municipality's rule directory: files there replace bundled files of the same relative
         * name (e.g. {@code sv/threat.txt}) or add to them. Unset: the bundled rules only.
         */
        Optional<String> overrideDir();

        /** How often the override directory is checked for changes; the rules reload without a restart. */
        @WithDefault("30s")
        Duration reloadInterval();
    }
}
