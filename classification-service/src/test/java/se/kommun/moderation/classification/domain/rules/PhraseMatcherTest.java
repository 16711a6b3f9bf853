package se.kommun.moderation.classification.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kommun.moderation.classification.domain.rules.RuleSetTestSupport.hits;
import static se.kommun.moderation.classification.domain.rules.RuleSetTestSupport.lexicon;

import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    @Test
    void matchesExactWordsInFoldedFormAndReportsTheOriginalSpan() {
        RuleSet rules = lexicon("[harm]\ndöda\n");
        assertThat(hits(rules, "jag ska DOEDA dig")).containsExactly("harm[DOEDA]");
        assertThat(hits(rules, "dödar")).isEmpty();
    }

    @Test
    void aTrailingStarMatchesInflectionsAndALeadingStarMatchesCompounds() {
        RuleSet rules = lexicon("[harm]\nknivhugg*\n[slur]\n*pack\n");
        assertThat(hits(rules, "ska knivhugga honom")).containsExactly("harm[knivhugga]");
        assertThat(hits(rules, "zigenarpack")).containsExactly("slur[zigenarpack]");
        assertThat(hits(rules, "ett pack mjölk")).isEmpty();
    }

    @Test
    void anInfixMatchesAnywhereInAWord() {
        RuleSet rules = lexicon("[work]\n*matchen*\n");
        assertThat(hits(rules, "ÖSK-matchen och fotbollsmatchens")).containsExactly("work[matchen]",
                "work[fotbollsmatchens]");
    }

    @Test
    void aGapLetsWordsStandBetweenButNotAcrossSentences() {
        RuleSet rules = lexicon("[harm]\nbränna .. ner\n");
        assertThat(hits(rules, "så bränner vi ner det")).isEmpty();
        RuleSet inflected = lexicon("[harm]\nbränner .. ner\n");
        assertThat(hits(inflected, "så bränner vi ner det")).containsExactly("harm[bränner vi ner]");
        assertThat(hits(inflected, "bränner du. Ner")).isEmpty();
        assertThat(hits(inflected, "bränner alla de gamla husen ner")).isEmpty();
    }

    @Test
    void aHashMatchesAnyNumber() {
        RuleSet rules = lexicon("[specific_person]\nrum #\n");
        assertThat(hits(rules, "mannen i rum 12")).containsExactly("specific_person[rum 12]");
    }

    @Test
    void anEqualsSignDemandsTheExactSpellingWithDiacritics() {
        RuleSet rules = lexicon("[pointer]\n=här\n");
        assertThat(hits(rules, "finns HÄR")).containsExactly("pointer[HÄR]");
        assertThat(hits(rules, "jag har")).isEmpty();
    }

    @Test
    void maskingConceptsCancelOverlappingHitsOfTheConceptsTheyMask() {
        RuleSet rules = lexicon("[harm]\ndör\n[idiom masks=harm]\ndör av skratt\n");
        assertThat(hits(rules, "jag dör av skratt")).containsExactly("idiom[dör av skratt]");
        assertThat(hits(rules, "du dör")).containsExactly("harm[dör]");
    }

    @Test
    void findsEveryEntryOfEveryConceptInOneScan() {
        RuleSet rules = lexicon("[a]\nkniv\n[b]\nkniv i magen\n[c]\nmagen\n");
        assertThat(hits(rules, "en kniv i magen")).containsExactly("a[kniv]", "b[kniv i magen]", "c[magen]");
    }
}
