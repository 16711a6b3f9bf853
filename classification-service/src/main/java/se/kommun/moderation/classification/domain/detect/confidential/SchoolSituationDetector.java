package se.kommun.moderation.classification.domain.detect.confidential;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.detect.PersonalAnchors;
import se.kommun.moderation.classification.domain.detect.Scores;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * A particular child's school situation (OSL 23 kap.): support, bullying, absence, grades,
 * discipline — when the child can be identified by a name, a class ("3B", "i fyran") or a named
 * school next to "min son". School food or opening hours with "min son" are a complaint, not this.
 */
public final class SchoolSituationDetector implements Detector {

    public static final String NAME = "school-situation";

    private final PersonalAnchors anchors;
    private final int sensitive;
    private final int child;
    private final int schoolContext;
    private final int kin;

    public SchoolSituationDetector(RuleSet rules, PersonalAnchors anchors) {
        this.anchors = anchors;
        this.sensitive = rules.concept("school_sensitive");
        this.child = rules.concept("child");
        this.schoolContext = rules.concept("school_context");
        this.kin = rules.concept("kin");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        if (!evidence.any(sensitive)) {
            return;
        }
        boolean classNamed = false;
        int classStart = -1;
        int classEnd = -1;
        Pattern schoolClass = evidence.pattern("school_class");
        if (schoolClass != null) {
            Matcher m = schoolClass.matcher(evidence.original());
            if (m.find()) {
                classNamed = true;
                classStart = m.start();
                classEnd = m.end();
            }
        }
        double score = 0.0;
        List<Reason> reasons = new ArrayList<>();
        for (int h = evidence.hits().first(sensitive); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int from = evidence.hits().fromToken(h);
            // a child named in the same sentence as a school matter is, as a rule, the child it is about
            int aChild = evidence.near(child, from, 20, 8);
            if (aChild == Evidence.NONE) {
                aChild = evidence.near(kin, from, 20, 8);
            }
            int name = anchors.nameNear(evidence, from, 20, 8);
            boolean childNamed = name >= 0 || (aChild != Evidence.NONE
                    && nextIsCapitalised(evidence, evidence.hits().toToken(aChild)));
            boolean school = evidence.any(schoolContext);
            double identified;
            if (childNamed && (aChild != Evidence.NONE || classNamed || school)) {
                identified = 1.0;
            } else if (aChild != Evidence.NONE && (classNamed || (school && childNamed))) {
                identified = 0.95;
            } else if (aChild != Evidence.NONE && school && writersOwn(evidence, aChild)) {
                identified = 0.8; // "min dotter": the writer's public account names the family
            } else if (aChild != Evidence.NONE && school) {
                identified = 0.7;
            } else if (aChild != Evidence.NONE || childNamed) {
                identified = 0.6;
            } else {
                continue;
            }
            double weight = evidence.weight(h);
            if (identified >= 1.0 && (classNamed || (name >= 0 && aChild != Evidence.NONE))) {
                // a child named AND placed ("min son Elias", "Alexander i 9C") is surely identified:
                // any school matter about them (an investigation, a diagnosis) is the child's secret
                weight = Math.max(weight, 0.8);
            }
            double evidenceScore = 0.95 * weight * identified;
            score = Scores.either(score, evidenceScore);
            reasons.add(evidence.reason(NAME, Route.CONFIDENTIAL, "school", h, evidenceScore));
            if (name >= 0) {
                reasons.add(evidence.reasonForTokens(NAME + ".name", Route.CONFIDENTIAL, "school", name, name, 1.0));
            } else if (aChild != Evidence.NONE) {
                reasons.add(evidence.reason(NAME + ".child", Route.CONFIDENTIAL, "school", aChild,
                        evidence.weight(aChild)));
            }
        }
        if (classNamed && !reasons.isEmpty()) {
            reasons.add(evidence.reasonForSpan(NAME + ".class", Route.CONFIDENTIAL, "school", classStart, classEnd,
                    0.9));
        }
        if (score > 0) {
            findings.add(new Finding(NAME, Route.CONFIDENTIAL, "school", score, reasons, true));
        }
    }

    /** "min son", "vår dotter": a child of the writer, who posts under their own name. */
    private static boolean writersOwn(Evidence evidence, int childHit) {
        int first = evidence.hits().fromToken(childHit);
        return evidence.hits().toToken(childHit) > first
                && (evidence.tokens().is(first, "min") || evidence.tokens().is(first, "mitt")
                || evidence.tokens().is(first, "var") || evidence.tokens().is(first, "vart"));
    }

    private static boolean nextIsCapitalised(Evidence evidence, int token) {
        int next = token + 1;
        return next < evidence.tokens().size() && evidence.tokens().capitalized(next)
                && evidence.tokens().sentence(next) == evidence.tokens().sentence(token);
    }
}
