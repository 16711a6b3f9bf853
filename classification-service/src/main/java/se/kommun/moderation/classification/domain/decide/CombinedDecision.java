package se.kommun.moderation.classification.domain.decide;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import se.kommun.moderation.classification.domain.Verdict;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.model.RouteModel;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * The flowchart with two witnesses: the rules and the trained model.
 *
 * <ul>
 * <li>Precise rules keep their authority: a finding of a detector named {@code authority.<name> = 1}
 * in the settings (a Luhn-valid personnummer, an account number, abuse material) takes its route
 * whatever the model says, and may be removed without a person.</li>
 * <li>Otherwise the model's calibrated probabilities decide, the removal lane first: the comment goes
 * to CRIMINAL or CONFIDENTIAL when that is the most probable route, and the rules' findings are part
 * of what the model weighed.</li>
 * <li>Removal without a person needs a confident rule or a model probability at or above the
 * model's automatic threshold (where its precision on held-out writers is ≥ 0.98); anything less in
 * the removal lane is marked for review.</li>
 * <li>Uncertain never means trivial: when the removal lane's probability reaches the review
 * threshold, a person looks whatever the route.</li>
 * <li>The confidence is the model's calibrated probability of the route taken, so "nothing matched"
 * is exactly as confident as the model is.</li>
 * </ul>
 */
public final class CombinedDecision {

    /** How many of the model's strongest n-grams a decision lists as its reasons. */
    static final int MODEL_REASONS = 3;
    public static final String MODEL_DETECTOR = "model";

    private final RuleSet settings;
    private final double ruleThreshold;
    private final double sentenceThreshold;

    public CombinedDecision(RuleSet settings) {
        this.settings = settings;
        this.ruleThreshold = settings.setting("criminal.threshold", 0.70);
        this.sentenceThreshold = settings.setting("model.sentence.threshold", 0.75);
    }

    public Verdict decide(String text, List<Finding> findings, Verdict rules, RouteModel.Reading reading,
            RouteModel.Thresholds thresholds) {
        double automatic = settings.setting("model.automatic", thresholds.automatic());
        double review = settings.setting("model.review", thresholds.review());
        Finding authority = authoritative(findings);
        // What a person must look at is judged on the whole comment: a single sharp sentence in a long
        // complaint is common, and it takes the removal lane only when it reads as one (below).
        double removal = reading.whole().removalLane();

        // A sentence that alone reads as a threat or a secret takes the comment into the removal lane;
        // otherwise the whole comment decides (a complaint is a complaint by all it says).
        RouteModel.Scored alarming = reading.alarming();
        RouteModel.Scored model = alarming != null && isRemoval(modelRoute(alarming))
                && alarming.removalLane() >= sentenceThreshold ? alarming : reading.whole();
        Route route = modelRoute(model);
        if (authority != null && (route.ordinal() > authority.route().ordinal())) {
            route = authority.route();
        }
        boolean byAuthority = authority != null && authority.route() == route;
        Finding ruleChoice = strongest(findings, route);
        // The rules name a subtype precisely when they found the route themselves; else the model's.
        String subtype = ruleChoice != null && rules.route() == route ? rules.subtype() : model.subtype(route);
        double confidence = byAuthority ? Math.max(rules.route() == route ? rules.confidence() : authority.score(),
                model.probability(route)) : model.probability(route);

        boolean removalLane = isRemoval(route);
        boolean reviewRequired = removalLane ? !byAuthority && model.probability(route) < automatic
                : removal >= review;

        Set<Route> flags = new LinkedHashSet<>();
        flags.add(route);
        for (Route r : List.of(Route.CRIMINAL, Route.CONFIDENTIAL, Route.COMPLAINT)) {
            if (rules.flags().contains(r) || model.probability(r) >= 0.5) {
                flags.add(r);
            }
        }
        // The rules' reasons, the model's strongest n-grams for the route taken, and for a comment a
        // person must review outside the removal lane also those for the removal route it fears.
        List<Reason> reasons = new ArrayList<>(rules.reasons());
        addModelReasons(reasons, text, model, route, subtype);
        if (reviewRequired && !removalLane) {
            // The person who reviews needs to see what made the model unsure, not why it leaned trivial.
            RouteModel.Scored whole = reading.whole();
            Route suspected = whole.probability(Route.CRIMINAL) >= whole.probability(Route.CONFIDENTIAL)
                    ? Route.CRIMINAL : Route.CONFIDENTIAL;
            addModelReasons(reasons, text, whole, suspected, whole.subtype(suspected));
        }
        return new Verdict(route, subtype, List.copyOf(flags), round(confidence),
                needsResponse(route, subtype, ruleChoice), reviewRequired, reasons);
    }

    /**
     * The model's strongest n-grams for a route, each shown as the words it lies in (a moderator reads
     * "lördag", not "örda"); n-grams of one word count once, by the strongest.
     */
    private static void addModelReasons(List<Reason> reasons, String text, RouteModel.Scored model, Route route,
            String subtype) {
        List<int[]> shown = new ArrayList<>();
        for (RouteModel.Contribution c : model.strongestFor(route, 3 * MODEL_REASONS)) {
            int start = c.start();
            int end = Math.min(c.end(), text.length());
            while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
                start--;
            }
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            int from = start;
            int to = end;
            if (shown.size() == MODEL_REASONS || shown.stream().anyMatch(w -> w[0] < to && from < w[1])) {
                continue;
            }
            shown.add(new int[] {from, to});
            reasons.add(new Reason(MODEL_DETECTOR, route, subtype, from, to, Math.round(c.weight() * 1000.0) / 1000.0));
        }
    }

    private static boolean isRemoval(Route route) {
        return route == Route.CRIMINAL || route == Route.CONFIDENTIAL;
    }

    /** The removal lane when it is the most probable; else the more probable of complaint and trivial. */
    private static Route modelRoute(RouteModel.Scored model) {
        Route best = Route.TRIVIAL;
        for (Route r : List.of(Route.CRIMINAL, Route.CONFIDENTIAL, Route.COMPLAINT, Route.TRIVIAL)) {
            if (model.probability(r) > model.probability(best)) {
                best = r;
            }
        }
        return best;
    }

    private Finding authoritative(List<Finding> findings) {
        Finding best = null;
        for (Finding f : findings) {
            if ((f.route() == Route.CRIMINAL || f.route() == Route.CONFIDENTIAL) && f.score() >= ruleThreshold
                    && settings.setting("authority." + f.detector(), 0.0) > 0
                    && (best == null || f.route().ordinal() < best.route().ordinal())) {
                best = f;
            }
        }
        return best;
    }

    private Finding strongest(List<Finding> findings, Route route) {
        Finding best = null;
        for (Finding f : findings) {
            if (f.route() == route && f.score() >= threshold(route) && (best == null || f.score() > best.score())) {
                best = f;
            }
        }
        return best;
    }

    private double threshold(Route route) {
        return switch (route) {
            case CRIMINAL -> settings.setting("criminal.threshold", 0.70);
            case CONFIDENTIAL -> settings.setting("confidential.threshold", 0.70);
            case COMPLAINT -> settings.setting("complaint.threshold", 0.60);
            case TRIVIAL -> 0.0;
        };
    }

    private static boolean needsResponse(Route route, String subtype, Finding ruleChoice) {
        return switch (route) {
            case CRIMINAL -> false;
            case CONFIDENTIAL -> true;
            case COMPLAINT -> !"complaint".equals(subtype) || ruleChoice == null || ruleChoice.wantsAnswer();
            case TRIVIAL -> "question".equals(subtype);
        };
    }

    private static double round(double confidence) {
        return Math.round(Math.max(0.0, Math.min(1.0, confidence)) * 1000.0) / 1000.0;
    }
}
