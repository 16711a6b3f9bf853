package se.kommun.moderation.classification.domain.detect.criminal;

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
 * Olaga integritetsintrång (BrB 4:6 c): intimate images or films of someone spread or offered
 * ("här är nakenbilderna på henne", "sprid hennes sexvideo"). A victim asking for help to get
 * such images removed is not spreading them, so a spreading word must be present.
 *
 * <p>The same crime covers spreading someone's health or criminal past to many ("X har klamydia,
 * sprid så alla vet"), and a person's home and phone laid open with a call to act on them
 * ("här är adressen till handläggaren … gör vad ni vill med det") is the doxxing that precedes
 * harassment. Both need an explicit call to the public: a fact alone is a confidential matter,
 * decided by the confidential detectors.
 */
public final class PrivacyViolationDetector implements Detector {

    public static final String NAME = "privacy-violation";
    private static final String SUBTYPE = "privacy_violation";

    private final int intimate;
    private final int spreading;
    private final int spreadCall;
    private final int diagnosis;
    private final int criminalRecord;
    private final int self;
    private final int exposure;
    private final int exposureCall;
    private final int kin;

    public PrivacyViolationDetector(RuleSet rules) {
        intimate = rules.concept("intimate_media");
        spreading = rules.concept("spreading");
        spreadCall = rules.concept("spread_call");
        diagnosis = rules.concept("diagnosis");
        criminalRecord = rules.concept("criminal_record");
        self = rules.concept("self");
        exposure = rules.concept("exposure");
        exposureCall = rules.concept("exposure_call");
        kin = rules.concept("kin");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        double score = 0.0;
        List<Reason> reasons = new ArrayList<>(4);
        int media = evidence.strongest(intimate);
        int spread = evidence.strongest(spreading);
        if (media != Evidence.NONE && spread != Evidence.NONE) {
            score = 0.88 * evidence.weight(media) * Math.max(0.8, evidence.weight(spread));
            reasons.add(evidence.reason(NAME, Route.CRIMINAL, SUBTYPE, media, score));
            reasons.add(evidence.reason(NAME + ".spreading", Route.CRIMINAL, SUBTYPE, spread, evidence.weight(spread)));
        }
        score = Scores.either(score, sensitiveFactSpread(evidence, reasons));
        score = Scores.either(score, homeExposed(evidence, reasons));
        if (score > 0.0) {
            findings.add(new Finding(NAME, Route.CRIMINAL, SUBTYPE, score, reasons, false));
        }
    }

    /** Someone else's diagnosis or crime past with "sprid så alla vet". The writer's own is not. */
    private double sensitiveFactSpread(Evidence evidence, List<Reason> reasons) {
        int call = evidence.strongest(spreadCall);
        if (call == Evidence.NONE || evidence.any(self)) {
            return 0.0;
        }
        int fact = evidence.strongest(diagnosis);
        int record = evidence.strongest(criminalRecord);
        if (fact == Evidence.NONE || evidence.weight(record) > evidence.weight(fact)) {
            fact = record;
        }
        if (fact == Evidence.NONE) {
            return 0.0;
        }
        double score = 0.85 * Math.max(0.9, evidence.weight(fact)) * evidence.weight(call);
        reasons.add(evidence.reason(NAME + ".fact", Route.CRIMINAL, SUBTYPE, fact, score));
        reasons.add(evidence.reason(NAME + ".spreading", Route.CRIMINAL, SUBTYPE, call, evidence.weight(call)));
        return score;
    }

    /**
     * A home or phone number published together with a call to the public to use it. The writer's
     * own or a relative's home ("jag bor på Storgatan 12, kan ni åka dit") is a request, not doxxing.
     */
    private double homeExposed(Evidence evidence, List<Reason> reasons) {
        int laidOpen = Evidence.NONE;
        for (int h = evidence.hits().first(exposure); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int from = evidence.hits().fromToken(h);
            if (evidence.near(self, from, 3, 0) == Evidence.NONE && evidence.near(kin, from, 3, 0) == Evidence.NONE
                    && (laidOpen == Evidence.NONE || evidence.weight(h) > evidence.weight(laidOpen))) {
                laidOpen = h;
            }
        }
        int call = evidence.strongest(exposureCall);
        if (laidOpen == Evidence.NONE || call == Evidence.NONE) {
            return 0.0;
        }
        double score = 0.85 * evidence.weight(laidOpen) * evidence.weight(call);
        reasons.add(evidence.reason(NAME + ".exposure", Route.CRIMINAL, SUBTYPE, laidOpen, score));
        reasons.add(evidence.reason(NAME + ".call", Route.CRIMINAL, SUBTYPE, call, evidence.weight(call)));
        return score;
    }
}
