package se.kommun.moderation.classification.domain.detect.criminal;

import java.util.ArrayList;
import java.util.List;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.detect.Scores;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.classification.domain.text.Tokens;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * Uppvigling (BrB 16:5): urging others to crime, violence or vandalism. A crime act counts when it
 * is an order — first in its clause ("Riv lapparna, punktera bilarna") — or joined to a call to
 * others ("vi borde storma…", "häng med", "sprid det här"). "Riv inte…" and questions do not count.
 */
public final class IncitementDetector implements Detector {

    public static final String NAME = "incitement";
    private static final String SUBTYPE = "incitement";
    private static final String[] NEGATIONS = {"inte", "aldrig", "ej", "int"};

    private final int crimeAct;
    private final int call;

    public IncitementDetector(RuleSet rules) {
        crimeAct = rules.concept("crime_act");
        call = rules.concept("call");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        if (!evidence.any(crimeAct)) {
            return;
        }
        Tokens tokens = evidence.tokens();
        double score = 0.0;
        List<Reason> reasons = new ArrayList<>();
        int strongestCall = evidence.strongest(call);
        for (int h = evidence.hits().first(crimeAct); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int from = evidence.hits().fromToken(h);
            int to = evidence.hits().toToken(h);
            if (negated(tokens, to)) {
                continue;
            }
            boolean order = tokens.clauseStart(from) || afterConjunction(tokens, from) || weAct(tokens, from);
            int joined = evidence.near(call, from, 4, 0);
            boolean question = tokens.isQuestion(tokens.sentence(from));
            // the strongest reading wins: a weak call next to an order ("på lördag, ta med tillhyggen")
            // must not weaken the order
            double s = 0.0;
            if (joined != Evidence.NONE && evidence.hits().toToken(joined) < from) {
                s = 0.9 * evidence.weight(h) * Math.max(0.8, evidence.weight(joined));
            }
            if (order && !question) {
                s = Math.max(s, (strongestCall != Evidence.NONE ? 0.92 : 0.78) * evidence.weight(h));
            }
            if (s == 0.0 && strongestCall != Evidence.NONE) {
                s = 0.5 * evidence.weight(h) * evidence.weight(strongestCall);
            }
            if (s == 0.0) {
                continue;
            }
            score = Scores.either(score, s);
            reasons.add(evidence.reason(NAME + ".act", Route.CRIMINAL, SUBTYPE, h, s));
        }
        if (score > 0.0) {
            if (strongestCall != Evidence.NONE) {
                reasons.add(evidence.reason(NAME + ".call", Route.CRIMINAL, SUBTYPE, strongestCall,
                        evidence.weight(strongestCall)));
            }
            findings.add(new Finding(NAME, Route.CRIMINAL, SUBTYPE, score, reasons, false));
        }
    }

    private static boolean negated(Tokens tokens, int to) {
        int next = to + 1;
        if (next >= tokens.size() || tokens.sentence(next) != tokens.sentence(to)) {
            return false;
        }
        for (String negation : NEGATIONS) {
            if (tokens.is(next, negation)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "ikväll river vi avspärrningarna", "vi bränner bilarna": the writer's "we" next to the act
     * announces it as a joint action, which is a call to those who read it.
     */
    private static boolean weAct(Tokens tokens, int from) {
        int previous = from - 1;
        int next = from + 1;
        return previous >= 0 && tokens.sentence(previous) == tokens.sentence(from)
                        && (tokens.is(previous, "vi") || tokens.is(previous, "we"))
                || next < tokens.size() && tokens.sentence(next) == tokens.sentence(from) && tokens.is(next, "vi");
    }

    /** "… och riv ner", "ut ikväll och riv": an order joined to the one before. */
    private static boolean afterConjunction(Tokens tokens, int from) {
        int previous = from - 1;
        return previous >= 0 && tokens.sentence(previous) == tokens.sentence(from)
                && (tokens.is(previous, "och") || tokens.is(previous, "sen") || tokens.is(previous, "bara")
                || tokens.is(previous, "sa"));
    }
}
