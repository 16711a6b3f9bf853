package se.kommun.moderation.classification.domain.detect.trivial;

import java.util.List;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.classification.domain.text.TokenKind;
import se.kommun.moderation.classification.domain.text.Tokens;
import se.kommun.moderation.events.Route;

/**
 * A question to the municipality: a sentence with a question mark, or a last sentence that opens
 * with a question word. The guideline asks for an answer within a working day. Questions between
 * readers are chatter: "vem tog bilden?" (who-questions, unless they ask whom to contact),
 * "någon som har tips?", "minns ni?", and
 * questions in a comment that opens by tagging a person ("@Anna Berg ska vi gå?").
 */
public final class QuestionDetector implements Detector {

    public static final String NAME = "question";

    private final int opening;
    private final int exclamation;
    private final int readerQuestion;

    public QuestionDetector(RuleSet rules) {
        readerQuestion = rules.concept("reader_question");
        opening = rules.concept("question_opening");
        exclamation = rules.concept("exclamation");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        Tokens tokens = evidence.tokens();
        int asked = -1;
        boolean betweenReaders = addressedToAPerson(tokens);
        for (int s = 0; s < tokens.sentenceCount(); s++) {
            int first = firstWord(tokens, s);
            if (first < 0) {
                continue;
            }
            int open = questionWord(evidence, s);
            boolean opensAsQuestion = open != Evidence.NONE && evidence.hits().fromToken(open) == first;
            if (!tokens.isQuestion(s)) {
                int exclaims = evidence.near(exclamation, first, 0, 0);
                boolean exclamative = exclaims != Evidence.NONE && evidence.hits().fromToken(exclaims) == first;
                if (!opensAsQuestion || s != tokens.sentenceCount() - 1 || exclamative) {
                    continue; // "Vilken fin julbelysning!" opens like a question but is praise
                }
            }
            asked = asked < 0 ? first : asked;
            boolean who = open != Evidence.NONE && evidence.hits().fromToken(open) == evidence.hits().toToken(open)
                    && tokens.is(evidence.hits().fromToken(open), "vem");
            betweenReaders |= who || evidence.strongestInSentence(readerQuestion, s) != Evidence.NONE;
        }
        if (asked < 0) {
            return;
        }
        String subtype = betweenReaders ? "chatter" : "question";
        findings.add(new Finding(NAME, Route.TRIVIAL, subtype, betweenReaders ? 0.5 : 0.8, List.of(
                evidence.reasonForTokens(NAME, Route.TRIVIAL, subtype, asked, asked, 0.8)), !betweenReaders));
    }

    /** The longest question-word hit that opens the sentence or one of its clauses. */
    private int questionWord(Evidence evidence, int sentence) {
        Tokens tokens = evidence.tokens();
        int best = Evidence.NONE;
        for (int h = evidence.hits().first(opening); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int from = evidence.hits().fromToken(h);
            if (tokens.sentence(from) != sentence || !tokens.clauseStart(from)) {
                continue;
            }
            if (best == Evidence.NONE || evidence.hits().fromToken(best) > from
                    || (evidence.hits().fromToken(best) == from && evidence.hits().toToken(h)
                    > evidence.hits().toToken(best))) {
                best = h;
            }
        }
        return best;
    }

    /** A comment that opens with "@Förnamn …": platforms render a tagged person by display name. */
    private static boolean addressedToAPerson(Tokens tokens) {
        return tokens.size() > 0 && tokens.kind(0) == TokenKind.MENTION && mentionIsName(tokens);
    }

    private static boolean mentionIsName(Tokens tokens) {
        String original = tokens.text().original();
        int at = tokens.originalStart(0);
        return at + 1 < original.length() && Character.isUpperCase(original.charAt(at + 1));
    }

    private static int firstWord(Tokens tokens, int sentence) {
        for (int t = 0; t < tokens.size(); t++) {
            if (tokens.sentence(t) == sentence && tokens.kind(t) == TokenKind.WORD) {
                return t;
            }
        }
        return -1;
    }
}
