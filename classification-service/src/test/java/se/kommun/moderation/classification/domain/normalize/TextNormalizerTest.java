package se.kommun.moderation.classification.domain.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    private static String fold(String text) {
        return TextNormalizer.normalize(text).text();
    }

    @ParameterizedTest
    @CsvSource({
        "DÖDA, doda",
        "döda, doda",
        "doeda, doda",
        "dööööda, doda",
        "måste, maste",
        "maaste, maste",
        "häst, hast",
        "haest, hast",
        "Ｋｎｉｖ, kniv",           // fullwidth letters (NFKC)
        "𝐤𝐧𝐢𝐯, kniv",              // mathematical bold (NFKC)
        "knіvhugga, knivhuga",    // Cyrillic і
        "mοrda, morda",           // Greek ο
        "Ёlԁ, eld",               // Cyrillic Ё and ԁ
    })
    void foldsCaseDiacriticsLookAlikesAndRepeats(String written, String folded) {
        assertThat(fold(written)).isEqualTo(folded);
    }

    @Test
    void removesZeroWidthAndFormatCharactersInsideWords() {
        assertThat(fold("sp\u200Brä\u200Dnga")).isEqualTo("spranga");
        assertThat(fold("ki\u00ADll")).isEqualTo("kil");
    }

    @Test
    void composesABaseLetterWithItsCombiningMark() {
        assertThat(fold("do\u0308da")).isEqualTo("doda");
    }

    @Test
    void undoesLeetspeakInsideWordsOnly() {
        assertThat(fold("g3v4r")).isEqualTo("gevar");
        assertThat(fold("ska d0 allihopa")).isEqualTo("ska do alihopa");
        assertThat(fold("h@t")).isEqualTo("hat");
        assertThat(fold("pengar$")).isEqualTo("pengars");
    }

    @Test
    void leavesNumbersDatesCodesAndClassesAlone() {
        assertThat(fold("811218-9876")).isEqualTo("811218-9876");
        assertThat(fold("2026-03-14 kl 10.15")).isEqualTo("2026-03-14 kl 10.15");
        assertThat(fold("BN 2024/0871 och E20")).isEqualTo("bn 2024/0871 och e20");
        assertThat(fold("i 3B, 5st, 40min")).isEqualTo("i 3b, 5st, 40min");
        assertThat(fold("@orebrokommun")).isEqualTo("@orebrokomun");
    }

    @Test
    void joinsSpacedOutLettersAndKeepsTheWiderGapsAsWordBreaks() {
        assertThat(fold("j a g  s k a  d ö d a  e r")).isEqualTo("jag ska doda er");
        assertThat(fold("d ö d a")).isEqualTo("doda");
        assertThat(fold("k.n.i.v")).isEqualTo("kniv");
    }

    @Test
    void joinsLettersSeparatedByDotsOrDashesAndStopsWhereTheSeparatorChanges() {
        assertThat(fold("en k.u.l.a i skallen")).isEqualTo("en kula i skalen");
        assertThat(fold("ska d.ö.d.a er")).isEqualTo("ska doda er");
        assertThat(fold("s-k-j-u-t-a honom")).isEqualTo("skjuta honom");
        assertThat(fold("j.a.g. s.k.a")).isEqualTo("jag ska");
        assertThat(fold("k u l a")).isEqualTo("kula");
    }

    @Test
    void stopsTheSpacedRunBeforeAOneLetterWordThatTheNextWordFollows() {
        assertThat(fold("ska få en k u l a i huvet")).isEqualTo("ska fa en kula i huvet");
        assertThat(fold("b r ä n n a å hela stan")).isEqualTo("brana a hela stan");
        assertThat(fold("s k j u t e dig")).isEqualTo("skjut e dig");
        // not a swallowed word: the letter ends the text, another spaced letter follows, or the run is short
        assertThat(fold("j a g  s k a  d ö d a  e r  a l l a")).isEqualTo("jag ska doda er ala");
        assertThat(fold("t a x i")).isEqualTo("taxi");
        assertThat(fold("p a r t i e t")).isEqualTo("partiet");
        assertThat(fold("h e j i da")).isEqualTo("hej i da");
        assertThat(fold("k a i huset")).isEqualTo("kai huset");
    }

    @Test
    void leavesOrdinarySingleLetterWordsAlone() {
        assertThat(fold("i och å")).isEqualTo("i och a");
    }

    @Test
    void mapsEveryFoldedSpanBackToTheOriginal() {
        String original = "Jag ska DÖÖÖDA dig";
        NormalizedText normalized = TextNormalizer.normalize(original);
        int at = normalized.text().indexOf("doda");
        assertThat(original.substring(normalized.originalStart(at), normalized.originalEnd(at + 4)))
                .isEqualTo("DÖÖÖDA");
    }

    @Test
    void mapsSpacedOutAndHiddenCharactersBackToTheOriginal() {
        String original = "x j a g  s k a  d ö d a y";
        NormalizedText normalized = TextNormalizer.normalize(original);
        int at = normalized.text().indexOf("doda");
        assertThat(original.substring(normalized.originalStart(at), normalized.originalEnd(at + 4)))
                .isEqualTo("d ö d a");

        String hidden = "ska sp\u200Bränga";
        NormalizedText folded = TextNormalizer.normalize(hidden);
        int word = folded.text().indexOf("spranga");
        assertThat(hidden.substring(folded.originalStart(word), folded.originalEnd(word + 7)))
                .isEqualTo("sp\u200Bränga");
    }

    @Test
    void keepsEmojiAndCopesWithEmptyText() {
        assertThat(fold("🔪🥩")).isEqualTo("🔪🥩");
        assertThat(fold("❤️")).isEqualTo("❤");
        assertThat(fold("")).isEmpty();
    }
}
