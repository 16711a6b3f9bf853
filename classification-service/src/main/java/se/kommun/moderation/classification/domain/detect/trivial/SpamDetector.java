package se.kommun.moderation.classification.domain.detect.trivial;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.detect.Scores;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/** Advertising, scams and self-promotion: of no importance to the municipality, culled later. */
public final class SpamDetector implements Detector {

    public static final String NAME = "spam";

    private final int spam;

    public SpamDetector(RuleSet rules) {
        spam = rules.concept("spam");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        double score = 0.0;
        List<Reason> reasons = new ArrayList<>();
        for (int h = evidence.hits().first(spam); h != Evidence.NONE; h = evidence.hits().next(h)) {
            score = Scores.either(score, evidence.weight(h));
            reasons.add(evidence.reason(NAME, Route.TRIVIAL, "spam", h, evidence.weight(h)));
        }
        if (score == 0.0) {
            return;
        }
        Pattern url = evidence.pattern("url");
        if (url != null) {
            Matcher m = url.matcher(evidence.original());
            if (m.find()) {
                score = Scores.either(score, 0.5);
                reasons.add(evidence.reasonForSpan(NAME + ".link", Route.TRIVIAL, "spam", m.start(), m.end(), 0.5));
            }
        }
        findings.add(new Finding(NAME, Route.TRIVIAL, "spam", score, reasons, false));
    }
}
