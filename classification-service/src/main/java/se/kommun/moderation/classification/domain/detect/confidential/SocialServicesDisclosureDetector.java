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
 * Social services (OSL 26 kap.): that someone receives försörjningsstöd, is subject to LVU, an
 * orosanmälan, a placement, an LSS decision, treatment for addiction… tied to a person. Services
 * that many people talk about in general (hemtjänst, äldreboende) count only with a decision in
 * someone's case ("Farfar har fått avslag på utökad hemtjänst").
 */
public final class SocialServicesDisclosureDetector implements Detector {

    public static final String NAME = "social-services-disclosure";

    private final PersonalAnchors anchors;
    private final int strong;
    private final int weak;
    private final int decision;
    private final int location;
    private final int ownCase;

    public SocialServicesDisclosureDetector(RuleSet rules, PersonalAnchors anchors) {
        this.ownCase = rules.concept("social_own_case");
        this.anchors = anchors;
        this.strong = rules.concept("social_strong");
        this.weak = rules.concept("social_weak");
        this.decision = rules.concept("social_decision");
        this.location = rules.concept("location_detail");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        if (!evidence.any(strong) && !evidence.any(weak) && !evidence.any(ownCase)) {
            return;
        }
        AnchoredDisclosure.Result result = AnchoredDisclosure.score(evidence, anchors, NAME, "social_services", 0.95,
                strong);
        double score = result.score();
        List<Reason> reasons = new ArrayList<>(result.reasons());
        for (int h = evidence.hits().first(ownCase); h != Evidence.NONE; h = evidence.hits().next(h)) {
            double own = 0.88 * evidence.weight(h); // "min handläggare": the wording says whose case it is
            score = Scores.either(score, own);
            reasons.add(evidence.reason(NAME, Route.CONFIDENTIAL, "social_services", h, own));
        }
        for (int h = evidence.hits().first(strong); h != Evidence.NONE; h = evidence.hits().next(h)) {
            // "en orosanmälan om familjen på Oxhagsgatan 4": a case tied to an address
            int place = evidence.near(location, evidence.hits().fromToken(h), 6, 10);
            if (place != Evidence.NONE && evidence.weight(place) >= 0.9) {
                double placed = 0.85 * evidence.weight(h);
                score = Scores.either(score, placed);
                reasons.add(evidence.reason(NAME, Route.CONFIDENTIAL, "social_services", h, placed));
                reasons.add(evidence.reason(NAME + ".anchor", Route.CONFIDENTIAL, "social_services", place, 0.9));
            }
        }
        for (int h = evidence.hits().first(weak); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int from = evidence.hits().fromToken(h);
            int decided = evidence.near(decision, from, 6, 6);
            PersonalAnchors.Anchor anchor = anchors.anchorFor(evidence, from, evidence.hits().toToken(h));
            if (decided != Evidence.NONE && anchor != null) {
                double weakScore = 0.85 * anchor.strength() * Math.max(evidence.weight(h), 0.85);
                score = Scores.either(score, weakScore);
                reasons.add(evidence.reason(NAME, Route.CONFIDENTIAL, "social_services", h, weakScore));
                reasons.add(evidence.reason(NAME + ".decision", Route.CONFIDENTIAL, "social_services", decided,
                        evidence.weight(decided)));
            }
        }
        if (score > 0) {
            findings.add(new Finding(NAME, Route.CONFIDENTIAL, "social_services", score, reasons, true));
        }
    }
}
