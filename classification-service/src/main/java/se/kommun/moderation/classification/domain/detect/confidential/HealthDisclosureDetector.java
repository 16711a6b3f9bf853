package se.kommun.moderation.classification.domain.detect.confidential;

import java.util.List;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.detect.PersonalAnchors;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.events.Route;

/**
 * Health and care (OSL 25 kap.): a diagnosis or care event tied to the writer, a relative or an
 * identifiable person — also when an employee tells it ("mannen i rum 12 som ligger på IVA").
 */
public final class HealthDisclosureDetector implements Detector {

    public static final String NAME = "health-disclosure";

    private final PersonalAnchors anchors;
    private final int diagnosis;
    private final int careEvent;

    public HealthDisclosureDetector(RuleSet rules, PersonalAnchors anchors) {
        this.anchors = anchors;
        this.diagnosis = rules.concept("diagnosis");
        this.careEvent = rules.concept("care_event");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        if (!evidence.any(diagnosis) && !evidence.any(careEvent)) {
            return;
        }
        AnchoredDisclosure.Result result = AnchoredDisclosure.score(evidence, anchors, NAME, "health", 0.95,
                diagnosis, careEvent);
        if (result.score() > 0) {
            findings.add(new Finding(NAME, Route.CONFIDENTIAL, "health", result.score(), result.reasons(), true));
        }
    }
}
