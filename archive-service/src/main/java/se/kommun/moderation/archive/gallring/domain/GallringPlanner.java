package se.kommun.moderation.archive.gallring.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import se.kommun.moderation.events.Route;

/**
 * Decides, record by record, whether gallring may cull it now and why (or why not). Plain code: the
 * same verdicts drive the dry-run report and the run.
 *
 * <p>A record is culled only when its route is known, a rule with a retention period and a culling
 * decision covers its route and subtype (the subtype rule outranks the route's general one), the
 * period has run from its latest version's receipt, and no legal hold is active.
 */
public final class GallringPlanner {

    private final List<RetentionRule> rules;

    public GallringPlanner(List<RetentionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<RetentionRule> rules() {
        return rules;
    }

    public enum Action { CULL, KEEP }

    public record Verdict(GallringCandidate candidate, Action action, RetentionRule rule, Instant dueAt,
            String reason) {

        public boolean culls() {
            return action == Action.CULL;
        }
    }

    /** The rule that governs a route and subtype, if any. */
    public Optional<RetentionRule> ruleFor(Route route, String subtype) {
        return rules.stream()
                .filter(r -> r.covers(route, subtype))
                .max(Comparator.comparing((RetentionRule r) -> r.subtype().isPresent()));
    }

    public Verdict judge(GallringCandidate c, Instant now) {
        if (c.route() == null) {
            return keep(c, null, null, c.reviewPending()
                    ? "classification " + c.classifiedRoute() + " awaits human review: route unknown, kept"
                    : "not classified: route unknown, kept");
        }
        Optional<RetentionRule> found = ruleFor(c.route(), c.subtype());
        if (found.isEmpty()) {
            return keep(c, null, null, "no retention rule covers " + describe(c) + ": kept");
        }
        RetentionRule rule = found.get();
        if (rule.cullAfter().isEmpty()) {
            return keep(c, rule, null, "rule " + rule.name() + " keeps " + describe(c)
                    + rule.decisionReference().map(d -> " (" + d + ")").orElse(""));
        }
        Instant due = c.lastReceivedAt().plus(rule.cullAfter().get());
        if (rule.decisionReference().isEmpty()) {
            return keep(c, rule, due, "rule " + rule.name() + " has no culling decision reference: nothing is culled under it");
        }
        if (now.isBefore(due)) {
            return keep(c, rule, due, "retention under " + rule.decisionReference().get() + " runs until " + due);
        }
        if (c.activeHold() != null) {
            return keep(c, rule, due, "legal hold " + c.activeHold() + " is active: kept although due since " + due);
        }
        return new Verdict(c, Action.CULL, rule, due, "due since " + due + " under rule " + rule.name()
                + " (" + rule.decisionReference().get() + ", " + describe(c) + " culled "
                + rule.cullAfter().get().toDays() + " days after receipt)");
    }

    private static Verdict keep(GallringCandidate c, RetentionRule rule, Instant due, String reason) {
        return new Verdict(c, Action.KEEP, rule, due, reason);
    }

    private static String describe(GallringCandidate c) {
        return c.route() + (c.subtype() == null ? "" : "/" + c.subtype());
    }
}
