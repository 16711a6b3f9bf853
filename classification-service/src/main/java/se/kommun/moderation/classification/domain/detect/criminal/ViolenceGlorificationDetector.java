package se.kommun.moderation.classification.domain.detect.criminal;

import java.util.List;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.classification.domain.rules.RuleSet;

/**
 * Olaga våldsskildring (BrB 16:10 c) and glorification of real violence: gross violence described
 * or shown AND celebrated ("knivhuggen sju gånger 👌 synd bara att han överlevde"). Reporting,
 * condemning or grieving ("hemskt", "vila i frid") is not.
 */
public final class ViolenceGlorificationDetector implements Detector {

    public static final String NAME = "violence-glorification";
    private static final String SUBTYPE = "violence_glorification";

    private final int depiction;
    private final int approval;
    private final int sympathy;

    public ViolenceGlorificationDetector(RuleSet rules) {
        depiction = rules.concept("violence_depiction");
        approval = rules.concept("approval");
        sympathy = rules.concept("sympathy");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        int shown = evidence.strongest(depiction);
        int cheered = evidence.strongest(approval);
        if (shown == Evidence.NONE || cheered == Evidence.NONE || evidence.any(sympathy)) {
            return;
        }
        double approvals = 0.0;
        for (int h = evidence.hits().first(approval); h != Evidence.NONE; h = evidence.hits().next(h)) {
            approvals = 1.0 - (1.0 - approvals) * (1.0 - evidence.weight(h));
        }
        double score = evidence.weight(shown) * (0.45 + 0.5 * approvals);
        findings.add(new Finding(NAME, Route.CRIMINAL, SUBTYPE, score, List.of(
                evidence.reason(NAME + ".violence", Route.CRIMINAL, SUBTYPE, shown, evidence.weight(shown)),
                evidence.reason(NAME + ".approval", Route.CRIMINAL, SUBTYPE, cheered, evidence.weight(cheered))),
                false));
    }
}
