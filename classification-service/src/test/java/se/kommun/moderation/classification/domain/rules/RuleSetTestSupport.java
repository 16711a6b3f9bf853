package se.kommun.moderation.classification.domain.rules;

import java.util.ArrayList;
import java.util.List;
import se.kommun.moderation.classification.domain.normalize.TextNormalizer;
import se.kommun.moderation.classification.domain.text.Tokenizer;
import se.kommun.moderation.classification.domain.text.Tokens;

/** Small hand-written rule sets and a way to list what they find in a text. */
final class RuleSetTestSupport {

    private RuleSetTestSupport() {
    }

    static RuleSet lexicon(String content) {
        return RuleSetCompiler.compile(List.of(new RuleSource("sv/test.txt", content, "test")));
    }

    /** "concept[original span]" for every hit, in concept order. */
    static List<String> hits(RuleSet rules, String text) {
        Tokens tokens = Tokenizer.tokenize(TextNormalizer.normalize(text));
        ConceptHits hits = rules.match(tokens);
        List<String> found = new ArrayList<>();
        for (int concept = 0; concept < rules.conceptCount(); concept++) {
            for (int h = hits.first(concept); h != ConceptHits.END; h = hits.next(h)) {
                found.add(rules.conceptName(concept) + "["
                        + text.substring(tokens.originalStart(hits.fromToken(h)), tokens.originalEnd(hits.toToken(h)))
                        + "]");
            }
        }
        return found;
    }
}
