package se.kommun.moderation.classification.domain.rules;

import java.util.List;

/**
 * One line of a lexicon: a phrase of pattern tokens that, when found, is evidence for a concept
 * with a weight. Pattern tokens are folded like comment text; see {@link PatternToken}.
 */
public record LexiconEntry(String concept, List<PatternToken> tokens, double weight, String file, int line,
        String written) {

    public LexiconEntry {
        tokens = List.copyOf(tokens);
    }
}
