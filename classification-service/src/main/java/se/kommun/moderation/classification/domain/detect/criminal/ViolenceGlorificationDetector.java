package se.kommun.moderation.classification.domain.detect.criminal;

import java.util.List;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.classification.domain.text.Tokens;
import se.kommun.moderation.events.Route;

/**
 * Olaga våldsskildring (BrB 16:10 c) and glorification of real violence: gross violence described
 * or shown AND celebrated ("knivhuggen sju gånger 👌 synd bara att han överlevde"). Reporting,
 * condemning or grieving ("hemskt", "vila i frid") is not.
 *
 * <p>Praise of an attacker often names no violence at all ("skolskjutaren är en legend",
 * "terroristen var en martyr"): the perpetrator or the attack itself then stands for the violence,
 * but only when the praise is in the same sentence, so that thanks to those who stopped him stay
 * clean. Negated praise ("ingen hjälte") is no praise.
 */
public final class ViolenceGlorificationDetector implements Detector {

    public static final String NAME = "violence-glorification";
    private static final String SUBTYPE = "violence_glorification";
    private static final String[] NEGATIONS = {"ingen", "inte", "inga", "aldrig", "int", "inget"};

    private final int depiction;
    private final int perpetrator;
    private final int approval;
    private final int sympathy;
    private final int sports;

    public ViolenceGlorificationDetector(RuleSet rules) {
        depiction = rules.concept("violence_depiction");
        perpetrator = rules.concept("perpetrator");
        approval = rules.concept("approval");
        sympathy = rules.concept("sympathy");
        sports = rules.concept("sports_context");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        if (!evidence.any(approval) || evidence.any(sympathy)) {
            return;
        }
        int shown = evidence.strongest(depiction);
        if (shown == Evidence.NONE) {
            shown = praisedPerpetrator(evidence);
        }
        if (shown == Evidence.NONE || sportsTalk(evidence, shown)) {
            return;
        }
        double approvals = 0.0;
        int cheered = Evidence.NONE;
        for (int h = evidence.hits().first(approval); h != Evidence.NONE; h = evidence.hits().next(h)) {
            if (negated(evidence, h)) {
                continue;
            }
            approvals = 1.0 - (1.0 - approvals) * (1.0 - evidence.weight(h));
            if (cheered == Evidence.NONE || evidence.weight(h) > evidence.weight(cheered)) {
                cheered = h;
            }
        }
        if (cheered == Evidence.NONE) {
            return;
        }
        double score = evidence.weight(shown) * (0.45 + 0.5 * approvals);
        findings.add(new Finding(NAME, Route.CRIMINAL, SUBTYPE, score, List.of(
                evidence.reason(NAME + ".violence", Route.CRIMINAL, SUBTYPE, shown, evidence.weight(shown)),
                evidence.reason(NAME + ".approval", Route.CRIMINAL, SUBTYPE, cheered, evidence.weight(cheered))),
                false));
    }

    /** The heaviest perpetrator or attack that un-negated praise in its own sentence speaks of. */
    private int praisedPerpetrator(Evidence evidence) {
        int best = Evidence.NONE;
        for (int p = evidence.hits().first(perpetrator); p != Evidence.NONE; p = evidence.hits().next(p)) {
            int praise = evidence.strongestInSentence(approval, evidence.sentenceOf(p));
            if (praise != Evidence.NONE && !negated(evidence, praise)
                    && (best == Evidence.NONE || evidence.weight(p) > evidence.weight(best))) {
                best = p;
            }
        }
        return best;
    }

    /**
     * "ÖSK sköt sönder dem, ren massaker ⚽": a team, a match or a goal in the sentence of the
     * violence makes it sports talk, when the violence is only an attack word ("massaker") or a
     * weak depiction. A full depiction of someone hurt stays violence even after a match
     * ("supportrarna som misshandlade domaren efter matchen är hjältar").
     */
    private boolean sportsTalk(Evidence evidence, int shown) {
        if (evidence.strongestInSentence(sports, evidence.sentenceOf(shown)) == Evidence.NONE) {
            return false;
        }
        return evidence.hits().concept(shown) != depiction || evidence.weight(shown) < 0.9;
    }

    /** "ingen hjälte", "inte en legend": a negation up to two words before the praise. */
    private static boolean negated(Evidence evidence, int hit) {
        Tokens tokens = evidence.tokens();
        int from = evidence.hits().fromToken(hit);
        for (int t = Math.max(0, from - 2); t < from; t++) {
            if (tokens.sentence(t) != tokens.sentence(from)) {
                continue;
            }
            for (String negation : NEGATIONS) {
                if (tokens.is(t, negation)) {
                    return true;
                }
            }
        }
        return false;
    }
}
