package se.kommun.moderation.classification.domain.detect.complaint;

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
 * A comment that starts a case ("kan initiera ett ärende"): an anmälan or felanmälan, an appeal,
 * a request for public documents, an application, a citizen proposal, or a request that the
 * municipality do something about a fault ("kan ni laga?", "vänligen åtgärda").
 */
public final class NewCaseDetector implements Detector {

    public static final String NAME = "new-case";
    private static final String SUBTYPE = "new_case";

    private final int request;
    private final int fault;

    public NewCaseDetector(RuleSet rules) {
        request = rules.concept("new_case_request");
        fault = rules.concept("fault_object");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        int asked = evidence.strongest(request);
        if (asked == Evidence.NONE) {
            return;
        }
        double score = 0.82 * evidence.weight(asked);
        List<Reason> reasons = new ArrayList<>();
        reasons.add(evidence.reason(NAME + ".request", Route.COMPLAINT, SUBTYPE, asked, score));
        int broken = evidence.strongest(fault);
        if (broken != Evidence.NONE) {
            score = Scores.either(score, 0.4 * evidence.weight(broken));
            reasons.add(evidence.reason(NAME + ".fault", Route.COMPLAINT, SUBTYPE, broken, evidence.weight(broken)));
        }
        findings.add(new Finding(NAME, Route.COMPLAINT, SUBTYPE, score, reasons, true));
    }
}
