package se.kommun.moderation.classification.domain.detect.criminal;

import java.util.List;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.events.Route;

/**
 * Olaga integritetsintrång (BrB 4:6 c): intimate images or films of someone spread or offered
 * ("här är nakenbilderna på henne", "sprid hennes sexvideo"). A victim asking for help to get
 * such images removed is not spreading them, so a spreading word must be present.
 */
public final class PrivacyViolationDetector implements Detector {

    public static final String NAME = "privacy-violation";
    private static final String SUBTYPE = "privacy_violation";

    private final int intimate;
    private final int spreading;

    public PrivacyViolationDetector(RuleSet rules) {
        intimate = rules.concept("intimate_media");
        spreading = rules.concept("spreading");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        int media = evidence.strongest(intimate);
        if (media == Evidence.NONE) {
            return;
        }
        int spread = evidence.strongest(spreading);
        if (spread == Evidence.NONE) {
            return;
        }
        double score = 0.88 * evidence.weight(media) * Math.max(0.8, evidence.weight(spread));
        findings.add(new Finding(NAME, Route.CRIMINAL, SUBTYPE, score, List.of(
                evidence.reason(NAME, Route.CRIMINAL, SUBTYPE, media, score),
                evidence.reason(NAME + ".spreading", Route.CRIMINAL, SUBTYPE, spread, evidence.weight(spread))),
                false));
    }
}
