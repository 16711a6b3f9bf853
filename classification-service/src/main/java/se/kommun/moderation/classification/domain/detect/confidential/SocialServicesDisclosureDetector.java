package se.kommun.moderation.classification.domain.detect.confidential;

import java.util.ArrayList;
import java.util.List;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.detect.PersonalAnchors;
import se.kommun.moderation.classification.domain.detect.Scores;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.classification.domain.text.Tokens;
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
    private final int role;
    private final int heldService;

    public SocialServicesDisclosureDetector(RuleSet rules, PersonalAnchors anchors) {
        this.ownCase = rules.concept("social_own_case");
        this.role = rules.concept("social_role");
        this.heldService = rules.concept("social_held");
        this.anchors = anchors;
        this.strong = rules.concept("social_strong");
        this.weak = rules.concept("social_weak");
        this.decision = rules.concept("social_decision");
        this.location = rules.concept("location_detail");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        if (!evidence.any(strong) && !evidence.any(weak) && !evidence.any(ownCase) && !evidence.any(role)
                && !evidence.any(heldService)) {
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
            if (anchor == null) {
                continue;
            }
            if (decided != Evidence.NONE) {
                double weakScore = 0.85 * anchor.strength() * Math.max(evidence.weight(h), 0.85);
                score = Scores.either(score, weakScore);
                reasons.add(evidence.reason(NAME, Route.CONFIDENTIAL, "social_services", h, weakScore));
                reasons.add(evidence.reason(NAME + ".decision", Route.CONFIDENTIAL, "social_services", decided,
                        evidence.weight(decided)));
            }
        }
        for (int h = evidence.hits().first(heldService); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int from = evidence.hits().fromToken(h);
            PersonalAnchors.Anchor anchor = anchors.anchorFor(evidence, from, evidence.hits().toToken(h));
            int verb = held(evidence.tokens(), from);
            if (anchor != null && anchor.kind() == PersonalAnchors.Kind.KIN && verb >= 0) {
                // "min dotter har LSS": a relative who has a service granted by decision
                double heldScore = 0.85 * anchor.strength() * Math.max(evidence.weight(h), 0.85);
                score = Scores.either(score, heldScore);
                reasons.add(evidence.reason(NAME, Route.CONFIDENTIAL, "social_services", h, heldScore));
                reasons.add(evidence.reasonForTokens(NAME + ".anchor", Route.CONFIDENTIAL, "social_services",
                        anchor.fromToken(), anchor.toToken(), anchor.strength()));
                reasons.add(evidence.reasonForTokens(NAME + ".held", Route.CONFIDENTIAL, "social_services",
                        verb, verb, 0.85));
            }
        }
        for (int h = evidence.hits().first(role); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int writer = firstPersonBefore(evidence.tokens(), evidence.hits().fromToken(h));
            if (writer >= 0) {
                // "vi är familjehem", "jag är god man åt": the writer's commission names a placed child's case
                double own = 0.9 * evidence.weight(h);
                score = Scores.either(score, own);
                reasons.add(evidence.reason(NAME, Route.CONFIDENTIAL, "social_services", h, own));
                reasons.add(evidence.reasonForTokens(NAME + ".anchor", Route.CONFIDENTIAL, "social_services",
                        writer, writer, 0.9));
            }
        }
        if (score > 0) {
            findings.add(new Finding(NAME, Route.CONFIDENTIAL, "social_services", score, reasons, true));
        }
    }

    /** "har LSS", "fått hemtjänst", "beviljats ledsagning": the service is held, right before it. */
    private static int held(Tokens tokens, int from) {
        for (int t = from - 1; t >= Math.max(0, from - 2); t--) {
            if (tokens.sentence(t) == tokens.sentence(from) && (tokens.is(t, "har") || tokens.is(t, "fatt")
                    || tokens.is(t, "fick") || tokens.is(t, "beviljats") || tokens.is(t, "beviljades")
                    || tokens.is(t, "haft"))) {
                return t;
            }
        }
        return -1;
    }

    /** Words allowed between the writer and the role: "vi är", "jag har varit", "vi blev nyligen". */
    private static final String[] BEING = {"ar", "e", "har", "varit", "blivit", "blev", "blir", "var", "ska", "bli",
        "som", "ocksa", "sedan", "sen", "nu", "ju", "nyligen", "numera"};

    /**
     * The writer holding the role: "vi är familjehem", "jag har varit god man" (a first person and
     * only words of being in between), or a possessive right before ("vår kontaktfamilj").
     * "Vi behöver fler familjehem" is a call, not a commission.
     */
    private static int firstPersonBefore(Tokens tokens, int from) {
        if (from >= 1 && tokens.sentence(from - 1) == tokens.sentence(from)) {
            int t = from - 1;
            if (tokens.is(t, "min") || tokens.is(t, "mitt") || tokens.is(t, "var") || tokens.is(t, "vart")
                    || tokens.is(t, "vara")) {
                return t;
            }
        }
        for (int t = from - 1; t >= Math.max(0, from - 5); t--) {
            if (tokens.sentence(t) != tokens.sentence(from)) {
                break;
            }
            if (tokens.is(t, "jag") || tokens.is(t, "vi") || tokens.is(t, "ja")) {
                return t + 1 < from ? t : -1;
            }
            boolean being = false;
            for (String word : BEING) {
                being |= tokens.is(t, word);
            }
            if (!being) {
                return -1;
            }
        }
        return -1;
    }
}
