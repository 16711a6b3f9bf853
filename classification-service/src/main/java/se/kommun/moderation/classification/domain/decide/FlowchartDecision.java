package se.kommun.moderation.classification.domain.decide;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import se.kommun.moderation.classification.domain.Verdict;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * The flowchart (domain.md §1.1) over the detectors' findings: the removal lane (CRIMINAL, then
 * CONFIDENTIAL) before the records lane (COMPLAINT) before TRIVIAL. Every route whose evidence
 * reached its threshold is flagged, so a threat inside a complaint is acted on. Findings that came
 * close to a threshold without reaching it lower the confidence, so a human looks before anything
 * irreversible happens.
 */
public final class FlowchartDecision {

    private static final List<String> CRIMINAL_ORDER = List.of("csam_reference", "threat", "incitement",
            "hate_speech", "violence_glorification", "privacy_violation", "copyright");
    private static final List<String> CONFIDENTIAL_ORDER = List.of("personal_id", "protected_identity", "school",
            "social_services", "health", "other");
    private static final List<String> COMPLAINT_ORDER = List.of("ongoing_case", "new_case", "complaint");
    private static final double NEAR_MISS_FLOOR = 0.35;
    private static final double REASON_FLOOR = 0.4;

    private final double criminalThreshold;
    private final double confidentialThreshold;
    private final double complaintThreshold;
    private final double trivialCued;
    private final double trivialUncued;
    private final double nearMissPenalty;

    public FlowchartDecision(RuleSet rules) {
        criminalThreshold = rules.setting("criminal.threshold", 0.70);
        confidentialThreshold = rules.setting("confidential.threshold", 0.70);
        complaintThreshold = rules.setting("complaint.threshold", 0.60);
        trivialCued = rules.setting("trivial.confidence.cued", 0.85);
        trivialUncued = rules.setting("trivial.confidence.uncued", 0.70);
        nearMissPenalty = rules.setting("near_miss.penalty", 0.45);
    }

    public Verdict decide(List<Finding> findings) {
        Set<Route> flags = new LinkedHashSet<>();
        for (Route route : List.of(Route.CRIMINAL, Route.CONFIDENTIAL, Route.COMPLAINT)) {
            if (best(findings, route, threshold(route)) != null) {
                flags.add(route);
            }
        }
        Route route = flags.isEmpty() ? Route.TRIVIAL : flags.iterator().next();
        if (route == Route.TRIVIAL) {
            flags.add(Route.TRIVIAL);
        }
        Finding chosen = chosen(findings, route);
        String subtype = chosen == null ? "chatter" : chosen.subtype();
        boolean needsResponse = switch (route) {
            case CRIMINAL -> false; // reported to the police and removed, not answered in public
            case CONFIDENTIAL -> true; // contact the sender privately
            case COMPLAINT -> !subtype.equals("complaint") || chosen.wantsAnswer();
            case TRIVIAL -> subtype.equals("question");
        };
        double nearMiss = nearMiss(findings, route);
        double confidence = route == Route.TRIVIAL
                ? (chosen != null && chosen.score() >= 0.7 ? trivialCued : trivialUncued) - nearMissPenalty * nearMiss
                : scaled(chosen.score(), threshold(route)) - 0.5 * nearMissPenalty * nearMiss;
        confidence = Math.round(Math.max(0.05, Math.min(0.99, confidence)) * 1000.0) / 1000.0;
        return new Verdict(route, subtype, List.copyOf(flags), confidence, needsResponse, false,
                reasons(findings, flags, route, chosen));
    }

    private double threshold(Route route) {
        return switch (route) {
            case CRIMINAL -> criminalThreshold;
            case CONFIDENTIAL -> confidentialThreshold;
            case COMPLAINT -> complaintThreshold;
            case TRIVIAL -> 0.0;
        };
    }

    private static Finding best(List<Finding> findings, Route route, double threshold) {
        Finding best = null;
        for (Finding finding : findings) {
            if (finding.route() == route && finding.score() >= threshold
                    && (best == null || finding.score() > best.score())) {
                best = finding;
            }
        }
        return best;
    }

    /** The finding that names the subtype: by the route's order of precedence, then by score. */
    private Finding chosen(List<Finding> findings, Route route) {
        double threshold = threshold(route);
        List<String> order = switch (route) {
            case CRIMINAL -> null;
            case CONFIDENTIAL -> CONFIDENTIAL_ORDER;
            case COMPLAINT -> COMPLAINT_ORDER;
            case TRIVIAL -> null;
        };
        if (route == Route.TRIVIAL) {
            return trivialChoice(findings);
        }
        Finding best = null;
        for (Finding finding : findings) {
            if (finding.route() != route || finding.score() < threshold) {
                continue;
            }
            if (best == null) {
                best = finding;
            } else if (order != null) {
                int rank = rank(order, finding.subtype());
                int bestRank = rank(order, best.subtype());
                if (rank < bestRank || (rank == bestRank && finding.score() > best.score())) {
                    best = finding;
                }
            } else if (finding.subtype().equals("csam_reference") && !best.subtype().equals("csam_reference")) {
                best = finding;
            } else if (!best.subtype().equals("csam_reference") && (finding.score() > best.score()
                    || (finding.score() == best.score()
                    && rank(CRIMINAL_ORDER, finding.subtype()) < rank(CRIMINAL_ORDER, best.subtype())))) {
                best = finding;
            }
        }
        return best;
    }

    /** Spam, then no content, then emoji only, then a question, then thanks; otherwise chatter. */
    private static Finding trivialChoice(List<Finding> findings) {
        for (String subtype : List.of("spam", "other", "emoji", "question", "thanks", "chatter")) {
            Finding best = null;
            for (Finding finding : findings) {
                if (finding.route() == Route.TRIVIAL && finding.subtype().equals(subtype)
                        && finding.score() >= (subtype.equals("spam") || subtype.equals("thanks") ? 0.7 : 0.0)
                        && (best == null || finding.score() > best.score())) {
                    best = finding;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    private static int rank(List<String> order, String subtype) {
        int rank = order.indexOf(subtype);
        return rank < 0 ? order.size() : rank;
    }

    /** The strongest evidence for a route that was not taken but is checked before or with it. */
    private double nearMiss(List<Finding> findings, Route taken) {
        double nearest = 0.0;
        for (Finding finding : findings) {
            Route route = finding.route();
            if (route == Route.TRIVIAL || route == taken || finding.score() >= threshold(route)) {
                continue;
            }
            if (route.ordinal() < taken.ordinal() && finding.score() >= NEAR_MISS_FLOOR) {
                nearest = Math.max(nearest, finding.score() / threshold(route));
            }
        }
        return Math.min(1.0, nearest);
    }

    /** Maps a score from [threshold, 1] onto a confidence in [0.6, 0.99]. */
    private static double scaled(double score, double threshold) {
        if (threshold >= 1.0) {
            return score;
        }
        return 0.6 + 0.39 * Math.max(0.0, score - threshold) / (1.0 - threshold);
    }

    private List<Reason> reasons(List<Finding> findings, Set<Route> flags, Route route, Finding chosen) {
        List<Reason> reasons = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Finding finding : findings) {
            boolean fired = flags.contains(finding.route()) && finding.route() != Route.TRIVIAL
                    && finding.score() >= threshold(finding.route());
            boolean nearMiss = finding.route() != Route.TRIVIAL && !fired && finding.score() >= REASON_FLOOR;
            boolean trivialChosen = route == Route.TRIVIAL && finding == chosen;
            if (!fired && !nearMiss && !trivialChosen) {
                continue;
            }
            for (Reason reason : finding.reasons()) {
                if (seen.add(reason.detector() + ":" + reason.start() + ":" + reason.end())) {
                    reasons.add(reason);
                }
            }
        }
        return reasons;
    }
}
