package se.kommun.moderation.classification.domain.detect;

import java.util.ArrayList;
import java.util.List;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.classification.domain.rules.RuleSetRegistry;
import se.kommun.moderation.events.Route;

/** The bundled rule set, loaded once, and a way to run one detector on one text. */
public final class DetectorFixture {

    public static final RuleSet RULES = RuleSetRegistry.bundled().current();

    private DetectorFixture() {
    }

    public static List<Finding> run(Detector detector, String text) {
        List<Finding> findings = new ArrayList<>();
        detector.detect(Evidence.analyse(text, RULES), findings);
        return findings;
    }

    /** The highest score the detector gives the text on a route (0 when it finds nothing). */
    public static double score(Detector detector, String text, Route route) {
        return run(detector, text).stream().filter(f -> f.route() == route).mapToDouble(Finding::score).max()
                .orElse(0.0);
    }

    /** The text of every reason's span, as cut from the original. */
    public static List<String> spans(Detector detector, String text) {
        return run(detector, text).stream().flatMap(f -> f.reasons().stream())
                .map(r -> text.substring(r.start(), r.end())).toList();
    }
}
