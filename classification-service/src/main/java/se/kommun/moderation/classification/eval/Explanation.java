package se.kommun.moderation.classification.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import se.kommun.moderation.classification.domain.SwedishClassifier;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.rules.ConceptHits;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.classification.domain.text.Tokens;

/** For a rule author: the folded text, every lexicon hit and every finding of one comment. */
final class Explanation {

    private Explanation() {
    }

    static List<String> of(SwedishClassifier classifier, String text) {
        List<String> lines = new ArrayList<>();
        RuleSet rules = classifier.rules();
        Evidence evidence = Evidence.analyse(text, rules);
        lines.add("           folded: " + evidence.normalized().text().replace('\n', ' '));
        ConceptHits hits = evidence.hits();
        Tokens tokens = evidence.tokens();
        StringBuilder found = new StringBuilder("           hits:");
        for (int concept = 0; concept < rules.conceptCount(); concept++) {
            for (int h = hits.first(concept); h != ConceptHits.END; h = hits.next(h)) {
                found.append(' ').append(rules.conceptName(concept)).append('[')
                        .append(text, tokens.originalStart(hits.fromToken(h)), tokens.originalEnd(hits.toToken(h)))
                        .append(']');
            }
        }
        lines.add(found.toString());
        for (Finding finding : classifier.findings(text)) {
            lines.add(String.format(Locale.ROOT, "           finding: %s %s/%s %.2f%s", finding.detector(),
                    finding.route().name().toLowerCase(Locale.ROOT), finding.subtype(), finding.score(),
                    finding.wantsAnswer() ? " +answer" : ""));
        }
        return lines;
    }
}
