package se.kommun.moderation.classification.domain.detect.confidential;

import java.util.ArrayList;
import java.util.List;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.PersonalAnchors;
import se.kommun.moderation.classification.domain.detect.Scores;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * The shared step of the confidential-content detectors: every hit of a sensitive concept that a
 * personal anchor ties to someone becomes evidence (term weight × anchor strength); the evidence
 * of several hits combines. Returns the score and the reasons (the fact and its anchor).
 */
final class AnchoredDisclosure {

    record Result(double score, List<Reason> reasons) {
        static final Result NONE = new Result(0.0, List.of());
    }

    private AnchoredDisclosure() {
    }

    static Result score(Evidence evidence, PersonalAnchors anchors, String detector, String subtype,
            double termFactor, int... concepts) {
        double score = 0.0;
        List<Reason> reasons = new ArrayList<>(2);
        for (int concept : concepts) {
            for (int h = evidence.hits().first(concept); h != Evidence.NONE; h = evidence.hits().next(h)) {
                int from = evidence.hits().fromToken(h);
                int to = evidence.hits().toToken(h);
                PersonalAnchors.Anchor anchor = anchors.anchorFor(evidence, from, to);
                if (anchor == null) {
                    continue;
                }
                double evidenceScore = termFactor * evidence.weight(h) * anchor.strength();
                score = Scores.either(score, evidenceScore);
                reasons.add(evidence.reason(detector, Route.CONFIDENTIAL, subtype, h, evidenceScore));
                if (anchor.fromToken() < from || anchor.toToken() > to) {
                    reasons.add(evidence.reasonForTokens(detector + ".anchor", Route.CONFIDENTIAL, subtype,
                            anchor.fromToken(), anchor.toToken(), anchor.strength()));
                }
            }
        }
        return reasons.isEmpty() ? Result.NONE : new Result(score, reasons);
    }
}
