package se.kommun.moderation.classification.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;
import se.kommun.moderation.classification.domain.model.ModelFile;
import se.kommun.moderation.classification.domain.model.RouteModel;

/** The trained model in force: a configured file, else the bundled one; none only when switched off. */
@ApplicationScoped
public class RouteModelProducer {

    private static final Logger LOG = Logger.getLogger(RouteModelProducer.class);

    /** Holds the model (a CDI bean cannot be an Optional). */
    public record InForce(Optional<RouteModel> model) {
    }

    @Produces
    @Singleton
    InForce model(ClassificationConfig config) {
        if (!config.model().enabled()) {
            LOG.warn("classification.model.enabled=false: the rules decide alone");
            return new InForce(Optional.empty());
        }
        RouteModel model = config.model().path().map(Path::of).map(ModelFile::read)
                .or(ModelFile::bundled)
                .orElseThrow(() -> new IllegalStateException("no model is bundled and classification.model.path is unset"));
        LOG.infof("classification model %s loaded (%d classes, %d features%s)", model.id(), model.classes().size(),
                model.featureCount(), config.model().path().map(p -> ", from " + p).orElse(""));
        return new InForce(Optional.of(model));
    }
}
