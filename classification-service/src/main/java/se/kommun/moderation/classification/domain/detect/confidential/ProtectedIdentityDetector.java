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
 * Protected identity (skyddade personuppgifter, OSL 21:3): that someone has one, and above all a
 * clue to where they are. A question about how the municipality handles protected identities in
 * general is not confidential.
 */
public final class ProtectedIdentityDetector implements Detector {

    public static final String NAME = "protected-identity";

    private final PersonalAnchors anchors;
    private final int protectedIdentity;
    private final int location;
    private final int child;

    public ProtectedIdentityDetector(RuleSet rules, PersonalAnchors anchors) {
        this.anchors = anchors;
        this.protectedIdentity = rules.concept("protected_identity");
        this.location = rules.concept("location_detail");
        this.child = rules.concept("child");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        if (!evidence.any(protectedIdentity)) {
            return;
        }
        AnchoredDisclosure.Result result = AnchoredDisclosure.score(evidence, anchors, NAME, "protected_identity",
                1.0, protectedIdentity);
        double score = result.score();
        List<Reason> reasons = new ArrayList<>(result.reasons());
        for (int h = evidence.hits().first(protectedIdentity); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int from = evidence.hits().fromToken(h);
            int clue = evidence.strongest(location);
            int kid = evidence.near(child, from, 8, 4);
            if (clue != Evidence.NONE || kid != Evidence.NONE) {
                // a place or a child named beside a protected identity points at the person
                double pointed = 0.9 * evidence.weight(h);
                score = Scores.either(score, pointed);
                reasons.add(evidence.reason(NAME, Route.CONFIDENTIAL, "protected_identity", h, pointed));
                int anchor = clue != Evidence.NONE ? clue : kid;
                reasons.add(evidence.reason(NAME + ".anchor", Route.CONFIDENTIAL, "protected_identity", anchor,
                        evidence.weight(anchor)));
            }
        }
        if (score > 0) {
            findings.add(new Finding(NAME, Route.CONFIDENTIAL, "protected_identity", score, reasons, true));
        }
    }
}
