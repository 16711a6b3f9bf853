package se.kommun.moderation.classification.domain.detect;

import java.util.List;

/** One kind of evidence about a comment. Stateless after construction; thread-safe. */
public interface Detector {

    /** Adds this detector's findings about the comment, if any, to {@code findings}. */
    void detect(Evidence evidence, List<Finding> findings);
}
