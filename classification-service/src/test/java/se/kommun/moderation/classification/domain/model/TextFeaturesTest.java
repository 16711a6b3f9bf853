package se.kommun.moderation.classification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.classification.domain.SwedishClassifier;
import se.kommun.moderation.classification.domain.rules.RuleSetRegistry;

class TextFeaturesTest {

    private static final SwedishClassifier RULES = new SwedishClassifier(RuleSetRegistry.bundled().current());

    private static Set<Long> ids(FeatureVector f) {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < f.size(); i++) {
            ids.add(f.id(i));
        }
        return ids;
    }

    @Test
    void theSameTextGivesTheSameDistinctFeaturesWithSpansInsideTheOriginal() {
        String text = "Jag ska HOTA er alla, hotar, hotade! 😡";
        FeatureVector a = RULES.analyse(text).features();
        FeatureVector b = RULES.analyse(text).features();
        assertThat(ids(a)).isEqualTo(ids(b)).hasSize(a.size());
        for (int i = 0; i < a.size(); i++) {
            if (a.start(i) >= 0) {
                assertThat(a.start(i)).isBetween(0, text.length());
                assertThat(a.end(i)).isBetween(a.start(i), text.length());
            }
        }
    }

    @Test
    void inflectionsTextingAndDigitsShareFeatures() {
        Set<Long> hotade = ids(RULES.analyse("han hotade mig").features());
        Set<Long> hotar = ids(RULES.analyse("han hotar mig").features());
        hotade.retainAll(hotar);
        assertThat(hotade).as("shared n-grams and the shared stem").hasSizeGreaterThan(10);
        assertThat(ids(RULES.analyse("ring 070-123 45 67").features()))
                .isEqualTo(ids(RULES.analyse("ring 073-987 65 43").features()));
        assertThat(ids(RULES.analyse("Hur länge är biblioteket öppet?").features()))
                .containsAll(ids(RULES.analyse("hur lange ar biblioteket oppet?").features()));
    }

    @Test
    void textFeaturesHaveUnitLengthSoALongRantDoesNotOutweighAShortThreat() {
        for (String text : List.of("Dö.", "Parkeringen är ett skämt. ".repeat(30))) {
            FeatureVector f = RULES.analyse(text).features();
            double sum = 0;
            for (int i = 0; i < f.size(); i++) {
                if (f.start(i) >= 0) {
                    sum += f.value(i) * f.value(i);
                }
            }
            // The text's n-grams and stems, and its length feature, share one unit vector.
            assertThat(sum).isBetween(0.75, 1.0);
        }
    }

    @Test
    void eachFeatureKnowsTheSentencesItOccursIn() {
        assertThat(RULES.analyse("Bara en mening här").features().sentenceCount()).isZero();
        String first = "Soporna töms aldrig. Det luktar. ";
        String text = first + "Jag ska bränna ner ert kontor.";
        FeatureVector f = RULES.analyse(text).features();
        assertThat(f.sentenceCount()).isEqualTo(3);
        int inThird = 0;
        for (int i = 0; i < f.size(); i++) {
            if (f.start(i) >= first.length()) {
                assertThat(f.sentenceMask(i) & 4L).as("a feature first seen in the third sentence").isNotZero();
                inThird++;
            }
            if (f.start(i) < 0) {
                continue;
            }
            assertThat(f.sentenceMask(i)).as("every text feature is in some sentence").isNotZero();
        }
        assertThat(inThird).isGreaterThan(20);
        for (int s = 0; s < 3; s++) {
            assertThat(f.sentenceScale(s)).isBetween(0.05f, 1f);
        }
    }
}
