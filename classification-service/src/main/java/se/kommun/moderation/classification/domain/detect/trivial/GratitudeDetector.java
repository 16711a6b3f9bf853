package se.kommun.moderation.classification.domain.detect.trivial;

import java.util.ArrayList;
import java.util.List;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.detect.Scores;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * Thanks, praise and congratulations. A long story that ends with a thank-you is chatter; thanks
 * is what the comment is mainly about: in its first sentence, or a short comment.
 */
public final class GratitudeDetector implements Detector {

    public static final String NAME = "gratitude";
    private static final int SHORT_COMMENT_WORDS = 30;

    private final int thanks;
    private final int praise;

    public GratitudeDetector(RuleSet rules) {
        thanks = rules.concept("thanks");
        praise = rules.concept("praise");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        boolean shortComment = evidence.wordCount() <= SHORT_COMMENT_WORDS;
        double score = 0.0;
        List<Reason> reasons = new ArrayList<>();
        for (int concept : new int[] {thanks, praise}) {
            for (int h = evidence.hits().first(concept); h != Evidence.NONE; h = evidence.hits().next(h)) {
                if (!shortComment && evidence.sentenceOf(h) > 0) {
                    continue;
                }
                score = Scores.either(score, evidence.weight(h));
                reasons.add(evidence.reason(NAME, Route.TRIVIAL, "thanks", h, evidence.weight(h)));
            }
        }
        if (score > 0.0) {
            findings.add(new Finding(NAME, Route.TRIVIAL, "thanks", score, reasons, false));
        }
    }
}
