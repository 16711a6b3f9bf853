package se.kommun.moderation.classification.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import se.kommun.moderation.classification.domain.rules.RuleSetRegistry;

/** The rule set in force for the service, watched for changes in the override directory. */
@ApplicationScoped
public class RuleSetRegistryProducer {

    private static final Logger LOG = Logger.getLogger(RuleSetRegistryProducer.class);

    @Produces
    @Singleton // no client proxy: the registry is a final plain-Java class
    RuleSetRegistry registry(ClassificationConfig config) {
        RuleSetRegistry registry = config.rules().overrideDir()
                .map(Path::of)
                .map(RuleSetRegistry::withOverrides)
                .orElseGet(RuleSetRegistry::bundled);
        // Problems name a file and line, never comment text.
        registry.onProblem(problem -> LOG.warnf("rule files rejected, the previous rules stay in force: %s", problem));
        registry.startWatching(config.rules().reloadInterval());
        LOG.infof("classification rules %s loaded (%d files%s)", registry.current().version(),
                registry.current().sources().size(),
                config.rules().overrideDir().map(dir -> ", overrides from " + dir).orElse(""));
        return registry;
    }

    void close(@Disposes RuleSetRegistry registry) {
        registry.close();
    }
}
