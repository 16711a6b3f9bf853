package se.kommun.moderation.classification.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconParserTest {

    private static LexiconParser.Parsed parse(String content) {
        return LexiconParser.parse(new RuleSource("sv/x.txt", content, "test"));
    }

    @Test
    void readsSectionsWeightsCommentsAndPerLineWeights() {
        LexiconParser.Parsed parsed = parse("""
                # a comment
                [weapon weight=0.5]
                kniv
                kofot | 0.7   # a crowbar
                [idiom masks=harm,weapon]
                dör av skratt
                """);
        assertThat(parsed.entries()).extracting(LexiconEntry::concept, LexiconEntry::weight, LexiconEntry::written)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("weapon", 0.5, "kniv"),
                        org.assertj.core.groups.Tuple.tuple("weapon", 0.7, "kofot"),
                        org.assertj.core.groups.Tuple.tuple("idiom", 1.0, "dör av skratt"));
        assertThat(parsed.masks()).containsEntry("idiom", new java.util.LinkedHashSet<>(List.of("harm", "weapon")));
    }

    @Test
    void foldsPhraseTokensAndKeepsWildcards() {
        LexiconParser.Parsed parsed = parse("[harm]\nKnivhugg* ..  i *ryggen\nLSS-boende\n");
        assertThat(parsed.entries().get(0).tokens()).containsExactly(
                PatternToken.of(PatternToken.Kind.PREFIX, "knivhug"),
                PatternToken.gap(3),
                PatternToken.of(PatternToken.Kind.EXACT, "i"),
                PatternToken.of(PatternToken.Kind.SUFFIX, "rygen"));
        assertThat(parsed.entries().get(1).tokens()).extracting(PatternToken::text).containsExactly("ls", "bonde"); // "oe" folds like "ö"
    }

    @Test
    void aLeadingMinusRemovesAPhrase() {
        LexiconParser.Parsed parsed = parse("[harm]\n-slå\n");
        assertThat(parsed.entries()).isEmpty();
        assertThat(parsed.removals()).extracting(LexiconEntry::written).containsExactly("slå");
    }

    @Test
    void namesFileAndLineOfAMistake() {
        assertThatThrownBy(() -> parse("kniv\n")).hasMessageContaining("sv/x.txt:1");
        assertThatThrownBy(() -> parse("[harm]\nkniv | 3\n")).hasMessageContaining("sv/x.txt:2");
        assertThatThrownBy(() -> parse("[Harm]\n")).hasMessageContaining("concept name");
        assertThatThrownBy(() -> parse("[harm]\n.. kniv\n")).hasMessageContaining("cannot start or end");
        assertThatThrownBy(() -> parse("[harm colour=red]\n")).hasMessageContaining("unknown section option");
    }
}
