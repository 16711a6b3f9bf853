package se.kommun.moderation.classification.domain.detect.criminal;

import java.util.List;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.events.Route;

/**
 * Barnpornografibrott (BrB 16:10 a): a reference to child sexual abuse material with a sign of
 * access or distribution (a link, "dm för lösenord", "min kanal"). Debate about fighting it, or a
 * call to report it to the police, is not. The moderator never needs to open the link: the span
 * is enough to remove and report.
 */
public final class CsamReferenceDetector implements Detector {

    public static final String NAME = "csam-reference";
    private static final String SUBTYPE = "csam_reference";

    private final int term;
    private final int distribution;
    private final int condemnation;

    public CsamReferenceDetector(RuleSet rules) {
        term = rules.concept("csam_term");
        distribution = rules.concept("distribution");
        condemnation = rules.concept("csam_condemnation");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        int material = evidence.strongest(term);
        if (material == Evidence.NONE) {
            return;
        }
        int access = evidence.strongest(distribution);
        boolean placeholder = evidence.tokens().inPlaceholder(evidence.hits().fromToken(material));
        if ((access == Evidence.NONE && !placeholder) || evidence.any(condemnation)) {
            return;
        }
        double score = 0.97 * evidence.weight(material);
        findings.add(new Finding(NAME, Route.CRIMINAL, SUBTYPE, score, access == Evidence.NONE
                ? List.of(evidence.reason(NAME, Route.CRIMINAL, SUBTYPE, material, score))
                : List.of(evidence.reason(NAME, Route.CRIMINAL, SUBTYPE, material, score),
                        evidence.reason(NAME + ".access", Route.CRIMINAL, SUBTYPE, access, evidence.weight(access))),
                false));
    }
}
