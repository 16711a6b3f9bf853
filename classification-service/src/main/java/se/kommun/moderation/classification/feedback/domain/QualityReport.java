package se.kommun.moderation.classification.feedback.domain;

import java.util.List;
import java.util.Map;
import se.kommun.moderation.events.Route;

/**
 * How often moderators agreed with the classifier: overall, per route the classifier chose, and per
 * detector (the detectors named in the classification's reasons). Only the latest decision about a
 * classification counts. An agreement rate is confirmations / decisions, null without decisions.
 *
 * @param ruleSetVersion the rule set the report is limited to, or null for all
 * @param ruleSetVersions the rule sets that have decisions, newest decision first
 */
public record QualityReport(
        String ruleSetVersion,
        Agreement overall,
        List<RouteAgreement> routes,
        List<DetectorAgreement> detectors,
        List<RuleSetDecisions> ruleSetVersions) {

    /** Decisions, confirmations, overrides and their ratio. */
    public record Agreement(long decisions, long confirmations, long overrides, Double agreementRate) {
    }

    /**
     * Decisions about classifications that chose {@code classifiedRoute}, with the routes the moderators
     * decided instead ({@code decidedAs}, the row of the confusion matrix; the diagonal is agreement on
     * the route).
     */
    public record RouteAgreement(Route classifiedRoute, long decisions, long confirmations, long overrides,
            Double agreementRate, Map<Route, Long> decidedAs) {
    }

    /** One detector: its decisions overall and the confusion summary per route the classifier chose. */
    public record DetectorAgreement(String detector, long decisions, long confirmations, long overrides,
            Double agreementRate, List<RouteAgreement> routes) {
    }

    /** How many (latest) decisions there are about classifications made under one rule set. */
    public record RuleSetDecisions(String ruleSetVersion, long decisions) {
    }
}
