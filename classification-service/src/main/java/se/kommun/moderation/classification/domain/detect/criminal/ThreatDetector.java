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
 * Olaga hot (BrB 4:5): a harm word counts only with an INTENT ("ska", "kommer att", "dags att")
 * and a TARGET (a person, a role, "ni på soc", a building people are in) in the same sentence;
 * a harm word whose object is harmless ("mörda en semla", "döda handeln") or that sits in an
 * idiom ("jag dör av skratt", masked by the lexicon) does not count. Threat phrases ("vi vet var
 * du bor", "du är härmed varnad") add up on their own; weapons only reinforce other evidence.
 * News language about a threat ("döms för olaga hot") is not a threat. Phrases that are everyday
 * sentences alone ("vi väntar på er vid scenen", "jag vet var du bor, vi är grannar", "vore synd
 * om något hände med eken") count only in menace company and not in friendly context.
 */
public final class ThreatDetector implements Detector {

    public static final String NAME = "threat";
    private static final String SUBTYPE = "threat";

    private final int harm;
    private final int die;
    private final int harmOutcome;
    private final int threatPhrase;
    private final int weapon;
    private final int intent;
    private final int personTarget;
    private final int placeTarget;
    private final int excludedObject;
    private final int reporting;
    private final int bring;
    private final int violence;
    private final int privateKnowledge;
    private final int warning;
    private final int weakMenace;
    private final int menaceCompany;
    private final int friendly;
    private final int[] persons;
    private final int grievance;
    private final int complaint;

    public ThreatDetector(RuleSet rules) {
        weakMenace = rules.concept("weak_menace");
        menaceCompany = rules.concept("menace_company");
        friendly = rules.concept("friendly_context");
        grievance = rules.concept("grievance");
        complaint = rules.concept("complaint_explicit");
        persons = new int[] {rules.concept("person_target"), rules.concept("first_name"), rules.concept("child"),
            rules.concept("kin"), rules.concept("third_person"), rules.concept("specific_person"),
            rules.concept("person_at_risk")};
        privateKnowledge = rules.concept("private_knowledge");
        warning = rules.concept("warning");
        violence = rules.concept("violence");
        bring = rules.concept("bring");
        harm = rules.concept("harm");
        die = rules.concept("die");
        harmOutcome = rules.concept("harm_outcome");
        threatPhrase = rules.concept("threat_phrase");
        weapon = rules.concept("weapon");
        intent = rules.concept("intent");
        personTarget = rules.concept("person_target");
        placeTarget = rules.concept("place_target");
        excludedObject = rules.concept("harm_object_excluded");
        reporting = rules.concept("reporting");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        if (!evidence.any(harm) && !evidence.any(die) && !evidence.any(harmOutcome) && !evidence.any(threatPhrase)
                && !evidence.any(bring) && !evidence.any(violence) && !evidence.any(privateKnowledge)
                && !evidence.any(weakMenace)) {
            return;
        }
        double score = 0.0;
        List<Reason> reasons = new ArrayList<>();
        score = Scores.either(score, harmWithIntentAndTarget(evidence, reasons));
        score = Scores.either(score, dieWished(evidence, reasons));
        score = Scores.either(score, outcomePromised(evidence, reasons));
        double phrases = 0.0;
        for (int h = evidence.hits().first(threatPhrase); h != Evidence.NONE; h = evidence.hits().next(h)) {
            if (!reported(evidence, h) && !ownKnowledge(evidence, h)) {
                phrases = Scores.either(phrases, evidence.weight(h));
                reasons.add(evidence.reason(NAME + ".phrase", Route.CRIMINAL, SUBTYPE, h, evidence.weight(h)));
            }
        }
        for (int h = evidence.hits().first(weakMenace); h != Evidence.NONE; h = evidence.hits().next(h)) {
            if (reported(evidence, h) || ownKnowledge(evidence, h) || harmlessThing(evidence, h)) {
                continue;
            }
            double company = company(evidence, h);
            if (company > 0.0 && (company >= STRONG_COMPANY || !evidence.any(friendly))) {
                phrases = Scores.either(phrases, evidence.weight(h));
                reasons.add(evidence.reason(NAME + ".phrase", Route.CRIMINAL, SUBTYPE, h, evidence.weight(h)));
            }
        }
        score = Scores.either(score, phrases);
        score = Scores.either(score, armedArrival(evidence, reasons));
        score = Scores.either(score, violenceAimed(evidence, reasons));
        score = Scores.either(score, knowledgeWithWarning(evidence, reasons));
        if (score > 0.0) {
            // a weapon strengthens a threat that is already there; it never makes one alone
            int arms = evidence.strongest(weapon);
            if (arms != Evidence.NONE) {
                score = Scores.either(score, evidence.weight(arms) * Math.min(1.0, score + 0.3));
                reasons.add(evidence.reason(NAME + ".weapon", Route.CRIMINAL, SUBTYPE, arms, evidence.weight(arms)));
            }
            findings.add(new Finding(NAME, Route.CRIMINAL, SUBTYPE, score, reasons, false));
        }
    }

    private double harmWithIntentAndTarget(Evidence evidence, List<Reason> reasons) {
        double best = 0.0;
        Tokens tokens = evidence.tokens();
        for (int h = evidence.hits().first(harm); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int from = evidence.hits().fromToken(h);
            int to = evidence.hits().toToken(h);
            if (reported(evidence, h) || postponed(evidence, from, to)
                    || evidence.within(excludedObject, to + 1, to + 4, tokens.sentence(to)) != Evidence.NONE) {
                continue;
            }
            int will = evidence.near(intent, from, 8, to - from); // "kommer det brinna" carries its own
            int who = target(evidence, from, to);
            if (who == Evidence.NONE) {
                continue;
            }
            double willWeight = will == Evidence.NONE ? 0.0 : evidence.weight(will);
            if (firstPersonAgent(tokens, from, to)) {
                willWeight = Math.max(willWeight, 0.6); // "så bränner vi ner det": Swedish present as future
            }
            if (tokens.clauseStart(from) && evidence.hits().fromToken(who) > to) {
                willWeight = Math.max(willWeight, 0.6); // an order: "knivhugg rektorn"
            }
            double score = evidence.weight(h) * evidence.weight(who) * (0.35 + 0.6 * willWeight);
            if (score > best) {
                best = score;
            }
            reasons.add(evidence.reason(NAME + ".harm", Route.CRIMINAL, SUBTYPE, h, score));
            reasons.add(evidence.reason(NAME + ".target", Route.CRIMINAL, SUBTYPE, who, evidence.weight(who)));
            if (will != Evidence.NONE) {
                reasons.add(evidence.reason(NAME + ".intent", Route.CRIMINAL, SUBTYPE, will, willWeight));
            }
        }
        return best;
    }

    /**
     * The heaviest target: the object after the harm word, or one earlier in the sentence
     * ("Nästa p-vakt jag ser ska jag knivhugga").
     */
    private int target(Evidence evidence, int from, int to) {
        int best = Evidence.NONE;
        for (int candidate : new int[] {
            evidence.near(personTarget, to + 1, 0, 4), evidence.near(placeTarget, to + 1, 0, 5),
            evidence.near(personTarget, from, 14, 0), evidence.near(placeTarget, from, 14, 0)}) {
            if (candidate == Evidence.NONE) {
                continue;
            }
            boolean outside = evidence.hits().fromToken(candidate) > to || evidence.hits().toToken(candidate) < from;
            if (outside && (best == Evidence.NONE || evidence.weight(candidate) > evidence.weight(best))) {
                best = candidate;
            }
        }
        return best;
    }

    /** "jag"/"vi" next to or inside the harm phrase ("sätter jag eld på"): the writer will do it. */
    private static boolean firstPersonAgent(Tokens tokens, int from, int to) {
        for (int t = Math.max(0, from - 2); t <= Math.min(tokens.size() - 1, to + 2); t++) {
            if (tokens.sentence(t) == tokens.sentence(from)
                    && (tokens.is(t, "jag") || tokens.is(t, "vi") || tokens.is(t, "ja"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "tar jag med mig kniven till nästa möte": bringing a weapon to a person or a place where
     * people meet. A knife taken to a picnic has no target and is no threat.
     */
    private double armedArrival(Evidence evidence, List<Reason> reasons) {
        for (int h = evidence.hits().first(bring); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int arms = evidence.near(weapon, evidence.hits().toToken(h) + 1, 0, 4);
            int sentence = evidence.sentenceOf(h);
            boolean aimed = evidence.strongestInSentence(personTarget, sentence) != Evidence.NONE
                    || evidence.strongestInSentence(placeTarget, sentence) != Evidence.NONE;
            if (arms != Evidence.NONE && evidence.hits().fromToken(arms) > evidence.hits().toToken(h) && aimed
                    && !reported(evidence, h)) {
                double score = 0.55 + 0.3 * evidence.weight(arms);
                reasons.add(evidence.reason(NAME + ".armed", Route.CRIMINAL, SUBTYPE, h, score));
                reasons.add(evidence.reason(NAME + ".weapon", Route.CRIMINAL, SUBTYPE, arms, evidence.weight(arms)));
                return score;
            }
        }
        return 0.0;
    }

    /**
     * The broad rule behind the specific ones: any violent word aimed at a person (you, a role, an
     * insult) in a sentence that also says it will happen (intent, a condition, "annars"). Weaker
     * than a listed harm phrase, so a threat needs this and something more, or a clear intent.
     */
    private double violenceAimed(Evidence evidence, List<Reason> reasons) {
        double best = 0.0;
        for (int h = evidence.hits().first(violence); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int sentence = evidence.sentenceOf(h);
            int who = evidence.strongestInSentence(personTarget, sentence);
            int will = evidence.strongestInSentence(intent, sentence);
            if (who == Evidence.NONE || will == Evidence.NONE || reported(evidence, h)) {
                continue;
            }
            int to = evidence.hits().toToken(h);
            if (postponed(evidence, evidence.hits().fromToken(h), to)
                    || evidence.within(excludedObject, to + 1, to + 4, sentence) != Evidence.NONE) {
                continue;
            }
            double score = 0.78 * evidence.weight(h) * evidence.weight(who) * Math.min(1.0, 0.4 + evidence.weight(will));
            if (score > best) {
                best = score;
            }
            reasons.add(evidence.reason(NAME + ".violence", Route.CRIMINAL, SUBTYPE, h, score));
        }
        return best;
    }

    /** "ni ska dö", "du kommer att dö": death wished or promised to someone. */
    private double dieWished(Evidence evidence, List<Reason> reasons) {
        double best = 0.0;
        for (int h = evidence.hits().first(die); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int from = evidence.hits().fromToken(h);
            if (reported(evidence, h)) {
                continue;
            }
            int will = evidence.near(intent, from, 3, 0);
            int who = evidence.near(personTarget, from, 8, 0);
            boolean builtIn = evidence.hits().toToken(h) > from; // "ska dö", "borde dö" carry their intent
            if ((will == Evidence.NONE && !builtIn) || who == Evidence.NONE
                    || evidence.hits().toToken(who) >= from) {
                continue;
            }
            double score = 0.92 * evidence.weight(who) * Math.max(evidence.weight(h), 0.8);
            best = Math.max(best, score);
            reasons.add(evidence.reason(NAME + ".harm", Route.CRIMINAL, SUBTYPE, h, score));
            reasons.add(evidence.reason(NAME + ".target", Route.CRIMINAL, SUBTYPE, who, evidence.weight(who)));
        }
        return best;
    }

    /** "X ska få en kula i huvudet", "din familj får betala priset". */
    private double outcomePromised(Evidence evidence, List<Reason> reasons) {
        double best = 0.0;
        for (int h = evidence.hits().first(harmOutcome); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int from = evidence.hits().fromToken(h);
            if (reported(evidence, h)) {
                continue;
            }
            // the target before the outcome, or named inside it ("så blir det din sista dag")
            int who = evidence.near(personTarget, from, 16, evidence.hits().toToken(h) - from);
            if (who == Evidence.NONE) {
                continue;
            }
            int will = evidence.near(intent, from, 4, 0);
            double willWeight = will == Evidence.NONE ? 0.0 : evidence.weight(will);
            // what the target "will get" is a threat in itself; a "ska"/"kommer" only makes it surer
            double score = evidence.weight(h) * evidence.weight(who) * (0.78 + 0.2 * willWeight);
            best = Math.max(best, score);
            reasons.add(evidence.reason(NAME + ".outcome", Route.CRIMINAL, SUBTYPE, h, score));
            reasons.add(evidence.reason(NAME + ".target", Route.CRIMINAL, SUBTYPE, who, evidence.weight(who)));
        }
        return best;
    }

    /**
     * "jag vet vilken förskola din dotter går på, tänk på det": knowing someone's private life
     * (home, children, car, way home) said together with a warning. Either alone is not a threat.
     */
    private double knowledgeWithWarning(Evidence evidence, List<Reason> reasons) {
        for (int h = evidence.hits().first(privateKnowledge); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int to = evidence.hits().toToken(h);
            int aimed = evidence.within(personTarget, evidence.hits().fromToken(h), to + 6, evidence.sentenceOf(h));
            if (reported(evidence, h) || aimed == Evidence.NONE || evidence.weight(aimed) < 0.8) {
                continue; // "jag vet vilken skola min dotter ska börja i" is about the writer's own
            }
            for (int w = evidence.hits().first(warning); w != Evidence.NONE; w = evidence.hits().next(w)) {
                boolean overlaps = evidence.hits().fromToken(w) <= evidence.hits().toToken(h)
                        && evidence.hits().toToken(w) >= evidence.hits().fromToken(h);
                if (overlaps || reported(evidence, w)) {
                    continue;
                }
                double score = 0.9 * Math.min(evidence.weight(h), 1.0) * Math.max(evidence.weight(w), 0.8);
                reasons.add(evidence.reason(NAME + ".knowledge", Route.CRIMINAL, SUBTYPE, h, score));
                reasons.add(evidence.reason(NAME + ".warning", Route.CRIMINAL, SUBTYPE, w, evidence.weight(w)));
                return score;
            }
        }
        return 0.0;
    }

    /** Company this strong (a weapon, a harm word, a threatening emoji) outweighs friendly words. */
    private static final double STRONG_COMPANY = 0.8;

    /**
     * The strongest menace evidence OUTSIDE a weak phrase: a weapon, a harm word or outcome, another
     * threat phrase, a warning ("tänk på det", at most 0.7), a menace cue ("när du slutar", 😈) or a
     * second, separate weak phrase. 0 when the phrase stands alone.
     */
    private double company(Evidence evidence, int phrase) {
        double best = 0.0;
        for (int concept : new int[] {weapon, harm, die, harmOutcome, threatPhrase, warning, menaceCompany, weakMenace}) {
            for (int h = evidence.hits().first(concept); h != Evidence.NONE; h = evidence.hits().next(h)) {
                if (overlaps(evidence, h, phrase) || reported(evidence, h)) {
                    continue;
                }
                double w = evidence.weight(h);
                if (concept == warning || concept == weakMenace) {
                    w = Math.min(w, 0.7);
                }
                best = Math.max(best, w);
            }
        }
        if (namedTarget(evidence, phrase) && (evidence.any(grievance) || evidence.any(complaint))) {
            best = Math.max(best, 0.7); // "handläggaren som nekade min mamma: vi väntar på dig"
        }
        return best;
    }

    /** An official, a role or an insult (not a pronoun) aimed at outside the weak phrase. */
    private boolean namedTarget(Evidence evidence, int phrase) {
        Tokens tokens = evidence.tokens();
        for (int h = evidence.hits().first(personTarget); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int from = evidence.hits().fromToken(h);
            if (!overlaps(evidence, h, phrase) && evidence.hits().toToken(h) == from && evidence.weight(h) >= 0.8
                    && !PRONOUN.contains(tokens.folded(from))) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> PRONOUN = java.util.Set.of(
            "du", "dig", "dej", "din", "ditt", "dina", "ni", "er", "era", "han", "hon", "hen", "honom", "henne",
            "dom", "dem", "de", "you", "your", "him", "her", "them");

    private static boolean overlaps(Evidence evidence, int a, int b) {
        return evidence.hits().fromToken(a) <= evidence.hits().toToken(b)
                && evidence.hits().toToken(a) >= evidence.hits().fromToken(b);
    }

    /**
     * "vore synd om festen", "om något hände med eken": what might happen is a thing. The first
     * word after the phrase (past "med", "den", "det", "gamla") is a definite noun, not a pronoun,
     * a possessive ("din bil") or a person.
     */
    private boolean harmlessThing(Evidence evidence, int phrase) {
        Tokens tokens = evidence.tokens();
        int to = evidence.hits().toToken(phrase);
        String last = tokens.folded(to);
        if (!(last.equals("om") || last.startsWith("hand") || last.equals("hande") || last.equals("handa"))) {
            return false; // only "vore synd om …" and "… något hände …"
        }
        int k = to + 1;
        while (k < tokens.size() && tokens.sentence(k) == tokens.sentence(to)
                && (tokens.is(k, "med") || tokens.is(k, "den") || tokens.is(k, "det") || tokens.is(k, "ju")
                || tokens.is(k, "gamla") || tokens.is(k, "nya") || tokens.is(k, "fina") || tokens.is(k, "lilla")
                || tokens.is(k, "stora") || tokens.is(k, "vackra"))) {
            k++;
        }
        if ((k == to + 1 && !last.equals("om")) || k >= tokens.size() || tokens.sentence(k) != tokens.sentence(to)) {
            return false; // "hände" must be followed by "med …"; "om" by its subject
        }
        String word = tokens.folded(k);
        if (word.equals("nagot") || word.equals("nagon") || POSSESSIVE.contains(word)) {
            return false;
        }
        for (int person : persons) {
            if (person >= 0 && evidence.near(person, k, 0, 0) != Evidence.NONE) {
                return false; // "om något hände med barnen", "med Anna"
            }
        }
        return word.length() > 3 && (word.endsWith("en") || word.endsWith("et") || word.endsWith("na")
                || word.endsWith("an") || word.endsWith("rn"));
    }

    private static final java.util.Set<String> POSSESSIVE = java.util.Set.of(
            "din", "dina", "ditt", "er", "era", "ert", "hans", "hennes", "deras", "dom", "dem", "dig", "honom",
            "henne", "mig", "oss", "your", "you");

    /** "jag vet vilken skola min dotter går i": knowledge aimed at nobody but the writer's own. */
    private boolean ownKnowledge(Evidence evidence, int phrase) {
        int from = evidence.hits().fromToken(phrase);
        for (int h = evidence.hits().first(privateKnowledge); h != Evidence.NONE; h = evidence.hits().next(h)) {
            if (evidence.hits().fromToken(h) == from) {
                int aimed = evidence.within(personTarget, from, evidence.hits().toToken(h) + 6, evidence.sentenceOf(h));
                return aimed == Evidence.NONE || evidence.weight(aimed) < 0.8;
            }
        }
        return false;
    }

    /**
     * "Skjut inte på renoveringen", "sköt upp beslutet": to postpone something. A shooting verb
     * followed by "på"/"upp"/"fram" and a thing (not a person) is about a date, not a gun.
     */
    private boolean postponed(Evidence evidence, int from, int to) {
        Tokens tokens = evidence.tokens();
        String verb = tokens.folded(from);
        if (!(verb.startsWith("skjut") || verb.equals("skot"))) {
            return false;
        }
        int k = to + 1;
        while (k < tokens.size() && tokens.sentence(k) == tokens.sentence(from)
                && (tokens.is(k, "inte") || tokens.is(k, "aldrig") || tokens.is(k, "ju") || tokens.is(k, "bara")
                || tokens.is(k, "ni") || tokens.is(k, "vi") || tokens.is(k, "de") || tokens.is(k, "dom"))) {
            k++;
        }
        if (k >= tokens.size() || tokens.sentence(k) != tokens.sentence(from)
                || !(tokens.is(k, "pa") || tokens.is(k, "upp") || tokens.is(k, "fram"))) {
            return false;
        }
        int object = evidence.near(personTarget, k + 1, 0, 0);
        return object == Evidence.NONE || evidence.weight(object) < 0.9 || isThing(tokens, k + 1);
    }

    /** A definite noun ("renoveringen", "beslutet", "bygget"): a thing postponed, not a person shot. */
    private static boolean isThing(Tokens tokens, int token) {
        if (token >= tokens.size()) {
            return false;
        }
        String word = tokens.folded(token);
        return word.length() > 5 && (word.endsWith("ingen") || word.endsWith("et") || word.endsWith("andet"));
    }

    private boolean reported(Evidence evidence, int hit) {
        return evidence.strongestInSentence(reporting, evidence.sentenceOf(hit)) != Evidence.NONE;
    }
}
