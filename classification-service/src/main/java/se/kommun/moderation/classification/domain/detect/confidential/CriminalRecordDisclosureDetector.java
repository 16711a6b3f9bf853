package se.kommun.moderation.classification.domain.detect.confidential;

import java.util.ArrayList;
import java.util.List;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.detect.PersonalAnchors;
import se.kommun.moderation.classification.domain.detect.Scores;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * Someone's criminal record spread with enough to find them ("Tommy Berg i trappuppgång 3 har
 * suttit inne"): sensitive personal data (OSL 35 kap.; GDPR art. 10), handled as confidential.
 * A news headline about an unnamed person is not.
 */
public final class CriminalRecordDisclosureDetector implements Detector {

    public static final String NAME = "criminal-record-disclosure";

    private final PersonalAnchors anchors;
    private final int record;
    private final int location;
    private final int specific;

    public CriminalRecordDisclosureDetector(RuleSet rules, PersonalAnchors anchors) {
        this.anchors = anchors;
        this.record = rules.concept("criminal_record");
        this.location = rules.concept("location_detail");
        this.specific = rules.concept("specific_person");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        if (!evidence.any(record)) {
            return;
        }
        double score = 0.0;
        List<Reason> reasons = new ArrayList<>();
        for (int h = evidence.hits().first(record); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int from = evidence.hits().fromToken(h);
            int name = anchors.nameNear(evidence, from, 14, 6);
            int place = evidence.near(location, from, 14, 6);
            int described = evidence.near(specific, from, 10, 4);
            double identified = name >= 0 ? (place != Evidence.NONE ? 1.0 : 0.85)
                    : described != Evidence.NONE && place != Evidence.NONE ? 0.8 : 0.0;
            if (identified == 0.0) {
                continue;
            }
            double evidenceScore = 0.9 * evidence.weight(h) * identified;
            score = Scores.either(score, evidenceScore);
            reasons.add(evidence.reason(NAME, Route.CONFIDENTIAL, "other", h, evidenceScore));
            if (name >= 0) {
                reasons.add(evidence.reasonForTokens(NAME + ".name", Route.CONFIDENTIAL, "other", name, name, 1.0));
            }
        }
        if (score > 0) {
            findings.add(new Finding(NAME, Route.CONFIDENTIAL, "other", score, reasons, true));
        }
    }
}
