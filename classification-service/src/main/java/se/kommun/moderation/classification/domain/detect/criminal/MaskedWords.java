package se.kommun.moderation.classification.domain.detect.criminal;

import java.util.ArrayList;
import java.util.List;
import se.kommun.moderation.classification.domain.rules.LexiconEntry;
import se.kommun.moderation.classification.domain.rules.PatternToken;
import se.kommun.moderation.classification.domain.rules.RuleSet;

/**
 * Recognises words with letters hidden behind asterisks ("n***ar", "b*gar") among the one-word
 * entries of given concepts: each run of stars stands for one to (stars + 1) letters. Self-censored
 * slurs are still slurs; matching is done without regular expressions.
 */
final class MaskedWords {

    private final List<String> words = new ArrayList<>();

    MaskedWords(RuleSet rules, String... concepts) {
        for (String concept : concepts) {
            for (LexiconEntry entry : rules.entries()) {
                if (entry.concept().equals(concept) && entry.tokens().size() == 1
                        && entry.tokens().get(0).kind() == PatternToken.Kind.EXACT
                        && entry.tokens().get(0).text().length() >= 4) {
                    words.add(entry.tokens().get(0).text());
                }
            }
        }
    }

    /** The hidden word the masked token stands for, or null. */
    String reveal(String masked) {
        if (masked.indexOf('*') < 0 || countLetters(masked) < 2) {
            return null;
        }
        for (String word : words) {
            if (matches(masked, 0, word, 0)) {
                return word;
            }
        }
        return null;
    }

    private static int countLetters(String s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                letters++;
            }
        }
        return letters;
    }

    private static boolean matches(String masked, int m, String word, int w) {
        if (m == masked.length()) {
            return w == word.length();
        }
        char c = masked.charAt(m);
        if (c != '*') {
            return w < word.length() && word.charAt(w) == c && matches(masked, m + 1, word, w + 1);
        }
        int stars = 0;
        while (m + stars < masked.length() && masked.charAt(m + stars) == '*') {
            stars++;
        }
        // folding collapsed double letters, so a star run may stand for one more letter than it shows
        for (int hidden = 1; hidden <= stars + 1 && w + hidden <= word.length(); hidden++) {
            if (matches(masked, m + stars, word, w + hidden)) {
                return true;
            }
        }
        return false;
    }
}
