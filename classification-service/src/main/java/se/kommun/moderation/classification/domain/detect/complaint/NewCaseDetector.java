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
    private final int opener;
    private final int failure;

    public NewCaseDetector(RuleSet rules) {
        request = rules.concept("new_case_request");
        fault = rules.concept("fault_object");
        opener = rules.concept("request_opener");
        failure = rules.concept("service_failure");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        int asked = evidence.strongest(request);
        if (asked == Evidence.NONE) {
            asked = openedRequest(evidence);
        }
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

    /**
     * "det ligger fem elsparkcyklar i Svartån. kan ni fiska upp dem?": a request opening a clause
     * ("kan ni …", "ni måste …", "fixa …") in a comment that reports a fault or a failure asks the
     * municipality to act on it, whatever the verb. A request alone ("kan ni skicka blanketten?")
     * is a question.
     */
    private int openedRequest(Evidence evidence) {
        int broken = evidence.strongest(fault);
        int failed = evidence.strongest(failure);
        if ((broken == Evidence.NONE || evidence.weight(broken) < 0.7)
                && (failed == Evidence.NONE || evidence.weight(failed) < 0.7)) {
            return Evidence.NONE;
        }
        for (int h = evidence.hits().first(opener); h != Evidence.NONE; h = evidence.hits().next(h)) {
            if (evidence.tokens().clauseStart(evidence.hits().fromToken(h))) {
                return h;
            }
        }
        return Evidence.NONE;
    }
}
