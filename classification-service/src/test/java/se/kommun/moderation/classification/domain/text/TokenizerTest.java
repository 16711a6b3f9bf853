package se.kommun.moderation.classification.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.classification.domain.normalize.TextNormalizer;

class TokenizerTest {

    private static Tokens tokens(String text) {
        return Tokenizer.tokenize(TextNormalizer.normalize(text));
    }

    private static List<String> words(Tokens tokens) {
        List<String> words = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            words.add(tokens.folded(t) + "/" + tokens.kind(t));
        }
        return words;
    }

    @Test
    void splitsWordsNumbersMentionsEmojiAndHyphenatedCompounds() {
        assertThat(words(tokens("@orebrokommun LSS-boende 12 st 🔪 #örebro")))
                .containsExactly("@orebrokomun/MENTION", "ls/WORD", "bonde/WORD", "12/NUMBER", "st/WORD",
                        "🔪/EMOJI", "orebro/WORD");
    }

    @Test
    void keepsAMaskedWordAsOneToken() {
        assertThat(words(tokens("alla n***ar och b*gar"))).containsExactly("ala/WORD", "n***ar/MASKED", "och/WORD",
                "b*gar/MASKED");
    }

    @Test
    void endsSentencesAtPunctuationButNotInsideAbbreviationsOrTimes() {
        Tokens tokens = tokens("Kl 08.15 ringde jag org.nr 5566. Inget svar! Varför??  Hallå");
        assertThat(tokens.sentenceCount()).isEqualTo(4);
        assertThat(tokens.isQuestion(2)).isTrue();
        assertThat(tokens.isQuestion(3)).isFalse();
        assertThat(tokens.isQuestion(0)).isFalse();
    }

    @Test
    void marksClauseStartsAndPlaceholders() {
        Tokens tokens = tokens("Riv lapparna, punktera bilarna [länk till video]");
        assertThat(tokens.clauseStart(0)).isTrue();
        assertThat(tokens.clauseStart(1)).isFalse();
        assertThat(tokens.clauseStart(2)).isTrue();
        assertThat(tokens.inPlaceholder(4)).isTrue();
        assertThat(tokens.inPlaceholder(3)).isFalse();
    }

    @Test
    void remembersCapitalisedWordsAndOriginalOffsets() {
        String text = "min son Viktor";
        Tokens tokens = tokens(text);
        assertThat(tokens.capitalized(2)).isTrue();
        assertThat(tokens.capitalized(1)).isFalse();
        assertThat(text.substring(tokens.originalStart(2), tokens.originalEnd(2))).isEqualTo("Viktor");
    }
}
