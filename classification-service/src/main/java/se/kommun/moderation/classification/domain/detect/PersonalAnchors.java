package se.kommun.moderation.classification.domain.detect;

import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.classification.domain.text.TokenKind;
import se.kommun.moderation.classification.domain.text.Tokens;

/**
 * Ties a sensitive fact to a person. Secrecy protects individuals: "Min mamma har Alzheimer",
 * "Gunnel på Rynningevägen som har KOL", "jag får ekonomiskt bistånd" are about someone;
 * "personer med demens behöver mer stöd" is a debate. An anchor is the word that makes the
 * difference, found close to the fact in the same sentence.
 */
public final class PersonalAnchors {

    /** Why the fact is about someone in particular. */
    public enum Kind { SELF, KIN, NAMED, SPECIFIC, THIRD_PERSON }

    /** The anchor found, its tokens and how surely it identifies a person. */
    public record Anchor(Kind kind, int fromToken, int toToken, double strength) {
    }

    /** Folded finite verbs that, first in a sentence, usually mean "I …" ("Fick avslag…"). */
    private static final String[] IMPLIED_SELF_VERBS = {"fick", "far", "har", "hade", "blev", "fat", "ligger"};
    /** A subject right after the verb means a question or a statement about someone else. */
    private static final String[] SUBJECTS = {"ni", "du", "man", "det", "de", "dom", "nagon", "han", "hon", "hen",
        "vi", "jag", "alla", "folk"};

    private final int self;
    private final int kin;
    private final int thirdPerson;
    private final int specific;
    private final int generic;
    private final int firstName;
    private final int staff;

    public PersonalAnchors(RuleSet rules) {
        staff = rules.concept("staff_disclosure");
        self = rules.concept("self");
        kin = rules.concept("kin");
        thirdPerson = rules.concept("third_person");
        specific = rules.concept("specific_person");
        generic = rules.concept("generic");
        firstName = rules.concept("first_name");
    }

    /** The strongest anchor for the fact at tokens [from, to], or null when it reads as general. */
    public Anchor anchorFor(Evidence evidence, int from, int to) {
        Tokens tokens = evidence.tokens();
        if (isGeneric(evidence, from)) {
            return null;
        }
        Anchor best = null;
        int sentence = tokens.sentence(from);
        int h = evidence.near(self, from, 5, to - from + 2);
        if (h != Evidence.NONE) {
            int start = evidence.hits().fromToken(h);
            boolean loneWord = start == evidence.hits().toToken(h) && evidence.weight(h) <= 0.8;
            // a lone "min"/"mig" only counts right before the fact ("min diagnos", "mitt LSS-beslut")
            if (!loneWord || (start >= from - 2 && start <= to)) {
                best = better(best, new Anchor(Kind.SELF, start, evidence.hits().toToken(h), evidence.weight(h)));
            }
        }
        int first = firstWordOf(tokens, sentence);
        if (first >= 0 && from - first <= 4 && impliesSelf(tokens, first)) {
            // "Fick avslag på försörjningsstödet": Swedish drops "jag" in informal writing
            best = better(best, new Anchor(Kind.SELF, first, first, 0.75));
        }
        h = evidence.near(kin, from, 12, to - from + 4);
        if (h != Evidence.NONE) {
            best = better(best, new Anchor(Kind.KIN, evidence.hits().fromToken(h), evidence.hits().toToken(h),
                    evidence.weight(h)));
            int next = evidence.hits().toToken(h) + 1;
            if (isCapitalisedWord(tokens, next) && tokens.sentence(next) == sentence) {
                best = better(best, new Anchor(Kind.NAMED, next, next, 1.0)); // "min son Viktor"
            }
        }
        int name = nameNear(evidence, from, 10, to - from + 6);
        if (name < 0) {
            name = agedNameNear(evidence, from, 20); // "Ahmed, 15, som … ligger på BUP efter en överdos"
        }
        if (name >= 0) {
            best = better(best, new Anchor(Kind.NAMED, name, name, 1.0));
        }
        // an employee telling what they saw at work ("Jag jobbar som sjuksköterska …") identifies more surely
        double insider = evidence.any(staff) ? 1.0 : 0.95;
        h = evidence.near(specific, from, 18, to - from + 3);
        if (h != Evidence.NONE) {
            best = better(best, new Anchor(Kind.SPECIFIC, evidence.hits().fromToken(h), evidence.hits().toToken(h),
                    insider * evidence.weight(h)));
        }
        h = evidence.near(thirdPerson, from, 4, to - from + 3);
        if (h != Evidence.NONE) {
            best = better(best, new Anchor(Kind.THIRD_PERSON, evidence.hits().fromToken(h),
                    evidence.hits().toToken(h), evidence.any(staff) ? 0.9 : 0.8));
        }
        return best;
    }

    /** A capitalised first name within the window, or -1. */
    public int nameNear(Evidence evidence, int anchor, int before, int after) {
        Tokens tokens = evidence.tokens();
        int sentence = tokens.sentence(anchor);
        for (int h = evidence.hits().first(firstName); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int t = evidence.hits().fromToken(h);
            if (t >= anchor - before && t <= anchor + after && tokens.sentence(t) == sentence
                    && tokens.capitalized(t)) {
                return t;
            }
        }
        return -1;
    }

    /**
     * A capitalised first name followed by an age ("Ahmed, 15,", "Elin (16)") up to {@code before}
     * tokens before the fact in its sentence, or -1: a name with an age is a particular person
     * however long the relative clause that follows.
     */
    public int agedNameNear(Evidence evidence, int anchor, int before) {
        Tokens tokens = evidence.tokens();
        int sentence = tokens.sentence(anchor);
        for (int h = evidence.hits().first(firstName); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int t = evidence.hits().fromToken(h);
            if (t < anchor - before || t >= anchor || tokens.sentence(t) != sentence || !tokens.capitalized(t)) {
                continue;
            }
            for (int k = t + 1; k <= t + 2 && k < anchor; k++) {
                if (tokens.kind(k) == TokenKind.NUMBER && isAge(tokens.folded(k))) {
                    return t;
                }
            }
        }
        return -1;
    }

    private static boolean isAge(String number) {
        if (number.isEmpty() || number.length() > 2) {
            return false;
        }
        for (int i = 0; i < number.length(); i++) {
            if (!Character.isDigit(number.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether any capitalised first name occurs in the comment. */
    public boolean anyName(Evidence evidence) {
        for (int h = evidence.hits().first(firstName); h != Evidence.NONE; h = evidence.hits().next(h)) {
            if (evidence.tokens().capitalized(evidence.hits().fromToken(h))) {
                return true;
            }
        }
        return false;
    }

    private boolean isGeneric(Evidence evidence, int from) {
        int h = evidence.near(generic, from, 3, 0);
        return h != Evidence.NONE && evidence.hits().fromToken(h) < from;
    }

    private static Anchor better(Anchor current, Anchor candidate) {
        return current == null || candidate.strength() > current.strength() ? candidate : current;
    }

    private static int firstWordOf(Tokens tokens, int sentence) {
        for (int t = 0; t < tokens.size(); t++) {
            if (tokens.sentence(t) == sentence && tokens.kind(t) == TokenKind.WORD) {
                return t;
            }
            if (tokens.sentence(t) > sentence) {
                break;
            }
        }
        return -1;
    }

    private static boolean impliesSelf(Tokens tokens, int first) {
        boolean verb = false;
        for (String candidate : IMPLIED_SELF_VERBS) {
            verb |= tokens.is(first, candidate);
        }
        if (!verb || first + 1 >= tokens.size()) {
            return false;
        }
        for (String subject : SUBJECTS) {
            if (tokens.is(first + 1, subject)) {
                return false;
            }
        }
        return true;
    }

    static boolean isCapitalisedWord(Tokens tokens, int token) {
        return token < tokens.size() && tokens.kind(token) == TokenKind.WORD && tokens.capitalized(token)
                && tokens.end(token) - tokens.start(token) >= 2;
    }
}
