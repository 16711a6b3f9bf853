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
    private final int proxyCall;
    private final int harm;
    private final int[] targets;

    public IncitementDetector(RuleSet rules) {
        crimeAct = rules.concept("crime_act");
        call = rules.concept("call");
        proxyCall = rules.concept("proxy_call");
        harm = rules.concept("harm");
        targets = new int[] {rules.concept("person_target"), rules.concept("place_target"),
            rules.concept("protected_group")};
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        if (!evidence.any(crimeAct) && !evidence.any(proxyCall) && !evidence.any(call)) {
            return;
        }
        Tokens tokens = evidence.tokens();
        double score = 0.0;
        List<Reason> reasons = new ArrayList<>();
        score = Scores.either(score, proxyCalls(evidence, reasons));
        score = Scores.either(score, gatheringActs(evidence, reasons));
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

    /**
     * "Någon borde tända på boendet", "someone should burn that mosque down": a violent act wished
     * done by anyone who reads it, aimed at a place or people named after the act. "Någon borde
     * riva det fula huset" has no violent act; "någon borde laga gatlyktan" no act at all.
     */
    private double proxyCalls(Evidence evidence, List<Reason> reasons) {
        Tokens tokens = evidence.tokens();
        double best = 0.0;
        for (int p = evidence.hits().first(proxyCall); p != Evidence.NONE; p = evidence.hits().next(p)) {
            int end = evidence.hits().toToken(p);
            int sentence = tokens.sentence(end);
            if (tokens.isQuestion(sentence) || negated(tokens, end)) {
                continue;
            }
            int act = evidence.within(harm, end + 1, end + MAX_GAP_TO_ACT, sentence);
            if (act == Evidence.NONE) {
                act = evidence.within(crimeAct, end + 1, end + MAX_GAP_TO_ACT, sentence);
                if (act != Evidence.NONE && !violentAct(tokens, evidence.hits().fromToken(act))) {
                    act = Evidence.NONE;
                }
            }
            if (act == Evidence.NONE || negated(tokens, evidence.hits().toToken(act)) || postponed(tokens, act, evidence)) {
                continue;
            }
            int actEnd = evidence.hits().toToken(act);
            int aimed = Evidence.NONE;
            for (int concept : targets) {
                int t = evidence.within(concept, actEnd + 1, actEnd + MAX_GAP_TO_TARGET, sentence);
                if (t != Evidence.NONE && evidence.weight(t) >= 0.8
                        && (aimed == Evidence.NONE || evidence.weight(t) > evidence.weight(aimed))) {
                    aimed = t;
                }
            }
            if (aimed == Evidence.NONE) {
                continue;
            }
            double s = 0.85 * Math.max(0.85, evidence.weight(act)) * evidence.weight(p);
            best = Math.max(best, s);
            reasons.add(evidence.reason(NAME + ".proxy-call", Route.CRIMINAL, SUBTYPE, p, evidence.weight(p)));
            reasons.add(evidence.reason(NAME + ".act", Route.CRIMINAL, SUBTYPE, act, s));
            reasons.add(evidence.reason(NAME + ".target", Route.CRIMINAL, SUBTYPE, aimed, evidence.weight(aimed)));
        }
        return best;
    }

    /**
     * "samlas vi vid skolan ikväll och krossar varenda ruta", "vi ses vid macken och tänder på
     * containrarna": a meeting called (a call of weight 0.8 or more) joined by "och" to a
     * destructive verb with an object, whatever is destroyed. "samlas vi och grillar korv" and
     * "tänder ljus" are no such verb.
     */
    private double gatheringActs(Evidence evidence, List<Reason> reasons) {
        Tokens tokens = evidence.tokens();
        for (int c = evidence.hits().first(call); c != Evidence.NONE; c = evidence.hits().next(c)) {
            if (evidence.weight(c) < 0.8) {
                continue;
            }
            int sentence = evidence.sentenceOf(c);
            if (tokens.isQuestion(sentence)) {
                continue;
            }
            for (int t = evidence.hits().toToken(c) + 1; t + 2 < tokens.size() && tokens.sentence(t + 2) == sentence; t++) {
                if (!tokens.is(t, "och") && !tokens.is(t, "and")) {
                    continue;
                }
                int verb = t + 1;
                if (!destructive(tokens, verb) || negated(tokens, verb)) {
                    continue;
                }
                double s = 0.8;
                reasons.add(evidence.reasonForTokens(NAME + ".act", Route.CRIMINAL, SUBTYPE, verb, verb + 1, s));
                reasons.add(evidence.reason(NAME + ".call", Route.CRIMINAL, SUBTYPE, c, evidence.weight(c)));
                return s;
            }
        }
        return 0.0;
    }

    /** krossar/krossa …, river/riv ner|sönder, bränner …, spränger …, tänder på|eld, vandaliserar, smash, burn. */
    private static boolean destructive(Tokens tokens, int verb) {
        String word = tokens.folded(verb);
        String next = tokens.folded(verb + 1);
        if (word.startsWith("kros") || word.startsWith("sprang") || word.startsWith("vandalis")
                || word.equals("brana") || word.equals("braner") || word.equals("bran")
                || word.startsWith("smash") || word.startsWith("burn") || word.equals("trash")) {
            return true;
        }
        if (word.equals("river") || word.equals("riva") || word.equals("riv")) {
            return next.equals("ner") || next.equals("sonder") || next.equals("upp");
        }
        if (word.equals("tander") || word.equals("tanda") || word.equals("tand")) {
            return next.equals("pa") || next.equals("eld");
        }
        return false;
    }

    private static final int MAX_GAP_TO_ACT = 3;
    private static final int MAX_GAP_TO_TARGET = 6;
    private static final String[] VIOLENT_STEMS = {"bran", "tand", "sprang", "skjut", "slang", "kast", "kros",
        "sat", "burn", "blow"};

    /** Arson, explosions, shooting, throwing and smashing; not demolition ("riva") or removal. */
    private static boolean violentAct(Tokens tokens, int from) {
        String word = tokens.folded(from);
        for (String stem : VIOLENT_STEMS) {
            if (word.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }

    /** "någon borde skjuta upp mötet med rektorn": to postpone, not to shoot. */
    private static boolean postponed(Tokens tokens, int act, Evidence evidence) {
        int from = evidence.hits().fromToken(act);
        int next = evidence.hits().toToken(act) + 1;
        String verb = tokens.folded(from);
        return (verb.startsWith("skjut") || verb.equals("skot")) && next < tokens.size()
                && (tokens.is(next, "upp") || tokens.is(next, "fram") || tokens.is(next, "pa"));
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
