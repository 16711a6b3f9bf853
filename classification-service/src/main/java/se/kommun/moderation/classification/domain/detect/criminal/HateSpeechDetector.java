package se.kommun.moderation.classification.domain.detect.criminal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.detect.Scores;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.classification.domain.text.TokenKind;
import se.kommun.moderation.classification.domain.text.Tokens;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * Hets mot folkgrupp (BrB 16:8): a protected group (ethnic, national, religious, sexual orientation,
 * transgender) in the same sentence as dehumanisation ("är djur", "en cancer"), collective
 * denigration ("våldtäktsmän allihop", "äger halva centrum") or a call to remove them
 * ("kasta ut dom"); the group spoken of as a whole ("alla …", "… allihop", "judarna", a plural
 * group noun opening the sentence) makes denigration weigh more; or a slur, masked ("n***ar") or not. Quoting or rejecting such words
 * ("det är fel att kalla invandrare för parasiter") weakens the evidence; criticism of politicians,
 * parties or the municipality is not hets mot folkgrupp however harsh.
 */
public final class HateSpeechDetector implements Detector {

    public static final String NAME = "hate-speech";
    private static final String SUBTYPE = "hate_speech";

    private final int group;
    private final int dehumanize;
    private final int denigrate;
    private final int exclusion;
    private final int generalizer;
    private final int intensifier;
    private final int slur;
    private final int distancing;
    private final MaskedWords masked;

    private static final String[] ANAPHORS = {"det", "de", "dom", "dem", "dessa", "those", "these", "they", "theyre"};

    public HateSpeechDetector(RuleSet rules) {
        group = rules.concept("protected_group");
        dehumanize = rules.concept("dehumanize");
        denigrate = rules.concept("denigrate");
        exclusion = rules.concept("exclusion_call");
        generalizer = rules.concept("generalizer");
        intensifier = rules.concept("insult_intensifier");
        slur = rules.concept("slur");
        distancing = rules.concept("distancing");
        masked = new MaskedWords(rules, "slur", "protected_group");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        double score = 0.0;
        List<Reason> reasons = new ArrayList<>();
        for (int h = evidence.hits().first(slur); h != Evidence.NONE; h = evidence.hits().next(h)) {
            if (!numberCodeWrittenAsOne(evidence, h)) {
                continue;
            }
            double s = 0.9 * evidence.weight(h) * distance(evidence, evidence.sentenceOf(h));
            score = Scores.either(score, s);
            reasons.add(evidence.reason(NAME + ".slur", Route.CRIMINAL, SUBTYPE, h, s));
        }
        Tokens tokens = evidence.tokens();
        for (int t = 0; t < tokens.size(); t++) {
            if (tokens.kind(t) == TokenKind.MASKED && masked.reveal(tokens.folded(t)) != null) {
                double s = 0.85 * distance(evidence, tokens.sentence(t));
                score = Scores.either(score, s);
                reasons.add(evidence.reasonForTokens(NAME + ".masked-slur", Route.CRIMINAL, SUBTYPE, t, t, s));
            }
        }
        for (int g = evidence.hits().first(group); g != Evidence.NONE; g = evidence.hits().next(g)) {
            score = Scores.either(score, groupEvidence(evidence, g, reasons));
        }
        score = Scores.either(score, echo(evidence, reasons));
        if (score > 0.0) {
            findings.add(new Finding(NAME, Route.CRIMINAL, SUBTYPE, score, reasons, false));
        }
    }

    private double groupEvidence(Evidence evidence, int g, List<Reason> reasons) {
        int sentence = evidence.sentenceOf(g);
        int follower = anaphoricFollower(evidence.tokens(), sentence);
        if (follower < 0) {
            follower = predicateFragment(evidence, sentence);
        }
        double groupWeight = evidence.weight(g);
        int from = evidence.hits().fromToken(g);
        double best = 0.0;
        int because = Evidence.NONE;
        int swear = evidence.near(intensifier, from, 1, 0);
        if (swear != Evidence.NONE && evidence.hits().toToken(swear) == from - 1) {
            best = 0.85; // "jävla muslimer"
            because = swear;
        }
        int d = strongest(evidence, dehumanize, sentence, follower);
        if (d != Evidence.NONE && 0.95 * evidence.weight(d) > best) {
            best = 0.95 * evidence.weight(d);
            because = d;
        }
        boolean general = strongest(evidence, generalizer, sentence, follower) != Evidence.NONE
                || definitePlural(evidence, g) || evidence.tokens().sentenceInitial(from);
        int n = strongest(evidence, denigrate, sentence, follower);
        if (n != Evidence.NONE) {
            double s = evidence.weight(n) * (general ? 0.9 : 0.7);
            if (s > best) {
                best = s;
                because = n;
            }
        }
        int x = strongest(evidence, exclusion, sentence, follower);
        if (x != Evidence.NONE) {
            double s = evidence.weight(x) * (general || n != Evidence.NONE || d != Evidence.NONE ? 0.85 : 0.6);
            if (s > best) {
                best = s;
                because = x;
            } else {
                best = Scores.either(best, 0.3 * s);
            }
        }
        if (because == Evidence.NONE) {
            return 0.0;
        }
        double score = best * groupWeight * distance(evidence, sentence);
        reasons.add(evidence.reason(NAME + ".group", Route.CRIMINAL, SUBTYPE, g, groupWeight));
        reasons.add(evidence.reason(NAME + ".contempt", Route.CRIMINAL, SUBTYPE, because, score));
        return score;
    }

    /**
     * The sentence after the group's when it opens with a pronoun standing for the group ("Kurderna har
     * … . Det är ett folk av …", "… Those degenerates should be …"), else -1.
     */
    private static int anaphoricFollower(Tokens tokens, int sentence) {
        for (int t = 0; t < tokens.size(); t++) {
            if (tokens.sentence(t) == sentence + 1) {
                for (String pronoun : ANAPHORS) {
                    if (tokens.is(t, pronoun)) {
                        return sentence + 1;
                    }
                }
                return -1;
            }
        }
        return -1;
    }

    /**
     * The sentence after the group's when it is a short fragment with no subject of its own that
     * opens with the contempt itself ("… judar äger alla fastighetsbolag. Parasiter, allihop 🐀"):
     * it says what the group is. Else -1.
     */
    private int predicateFragment(Evidence evidence, int sentence) {
        Tokens tokens = evidence.tokens();
        int first = -1;
        int words = 0;
        for (int t = 0; t < tokens.size(); t++) {
            if (tokens.sentence(t) == sentence + 1 && tokens.kind(t) == TokenKind.WORD) {
                first = first < 0 ? t : first;
                words++;
            }
        }
        if (first < 0 || words > MAX_FRAGMENT_WORDS) {
            return -1;
        }
        for (int concept : new int[] {dehumanize, denigrate}) {
            for (int h = evidence.hits().first(concept); h != Evidence.NONE; h = evidence.hits().next(h)) {
                if (evidence.hits().fromToken(h) == first) {
                    return sentence + 1;
                }
            }
        }
        return -1;
    }

    private static final int MAX_FRAGMENT_WORDS = 5;

    /** The heavier hit of the concept in the group's sentence and in its anaphoric follower. */
    private static int strongest(Evidence evidence, int concept, int sentence, int follower) {
        int here = evidence.strongestInSentence(concept, sentence);
        if (follower < 0) {
            return here;
        }
        int there = evidence.strongestInSentence(concept, follower);
        if (here == Evidence.NONE) {
            return there;
        }
        return there != Evidence.NONE && evidence.weight(there) > evidence.weight(here) ? there : here;
    }

    /** "(((bankirerna)))": the echo that marks people as Jews, an antisemitic code. */
    private static double echo(Evidence evidence, List<Reason> reasons) {
        Pattern pattern = evidence.pattern("hate_echo");
        if (pattern == null) {
            return 0.0;
        }
        Matcher m = pattern.matcher(evidence.original());
        if (!m.find()) {
            return 0.0;
        }
        double weight = 0.85;
        reasons.add(evidence.reasonForSpan(NAME + ".echo", Route.CRIMINAL, SUBTYPE, m.start(), m.end(), weight));
        return weight;
    }

    /**
     * A code of numbers ("14 88") is one only when written as one: "14/88", "14-88", "1488"; "buss
     * 14, 88 kr" is two numbers.
     */
    private static boolean numberCodeWrittenAsOne(Evidence evidence, int h) {
        Tokens tokens = evidence.tokens();
        int from = evidence.hits().fromToken(h);
        int to = evidence.hits().toToken(h);
        if (from == to || !Character.isDigit(tokens.folded(from).charAt(0))) {
            return true;
        }
        String between = evidence.original().substring(tokens.originalEnd(from), tokens.originalStart(to));
        return between.equals("/") || between.equals("-");
    }

    /** "afghanerna", "judarna": the definite plural speaks of the group as a whole. */
    private static boolean definitePlural(Evidence evidence, int g) {
        String word = evidence.tokens().folded(evidence.hits().toToken(g));
        return word.endsWith("rna") || word.endsWith("erna") || word.endsWith("arna");
    }

    /**
     * 1 for the writer's own words; less when the sentence quotes, reports or rejects them. A
     * denied rejection ("det är inte rasism", "this isn't racism") is the writer's own words again.
     */
    private double distance(Evidence evidence, int sentence) {
        for (int h = evidence.hits().first(distancing); h != Evidence.NONE; h = evidence.hits().next(h)) {
            if (evidence.sentenceOf(h) == sentence && !denied(evidence.tokens(), evidence.hits().fromToken(h))) {
                return 0.4;
            }
        }
        return 1.0;
    }

    private static final String[] DENIALS = {"inte", "int", "ej", "ingen", "inget", "aldrig", "not", "isnt", "no"};

    /**
     * "inte rasism", "ingen rasism", "not racism": a denial one or two words before the word racism
     * itself. Only that word: "man får inte kalla dem djur" still rejects the words.
     */
    private static boolean denied(Tokens tokens, int from) {
        String word = tokens.folded(from);
        if (!word.startsWith("rasis") && !word.startsWith("racis")) {
            return false;
        }
        for (int t = Math.max(0, from - 2); t < from; t++) {
            if (tokens.sentence(t) != tokens.sentence(from)) {
                continue;
            }
            for (String denial : DENIALS) {
                if (tokens.is(t, denial)) {
                    return true;
                }
            }
        }
        return false;
    }
}
