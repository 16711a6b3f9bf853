package se.kommun.moderation.classification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.Route;

class FirstRuleSetTest {

    private final FirstRuleSet rules = new FirstRuleSet();

    @Test
    void aPersonnummerIsConfidentialWithItsSpan() {
        String text = "Min son har pnr 20200314-5626 och inget placeringsbesked";
        Verdict verdict = rules.classify(text);

        assertThat(verdict.route()).isEqualTo(Route.CONFIDENTIAL);
        assertThat(verdict.subtype()).isEqualTo("personal_id");
        assertThat(verdict.needsResponse()).isTrue();
        assertThat(verdict.reasons()).singleElement().satisfies(reason ->
                assertThat(text.substring(reason.start(), reason.end())).isEqualTo("20200314-5626"));
    }

    @Test
    void aDiaryNumberMakesItAnOngoingCase() {
        Verdict verdict = rules.classify("Hur går det med mitt ärende KS 2026/123?");
        assertThat(verdict.route()).isEqualTo(Route.COMPLAINT);
        assertThat(verdict.subtype()).isEqualTo("ongoing_case");
    }

    @Test
    void complaintWordsMakeItAComplaint() {
        Verdict verdict = rules.classify("Jag vill lämna ett klagomål på snöröjningen");
        assertThat(verdict.route()).isEqualTo(Route.COMPLAINT);
        assertThat(verdict.flags()).containsExactly(Route.COMPLAINT);
    }

    @Test
    void confidentialOutranksAComplaintButBothAreFlagged() {
        Verdict verdict = rules.classify("Klagomål: ni skickade fel papper till 811218-9876");
        assertThat(verdict.route()).isEqualTo(Route.CONFIDENTIAL);
        assertThat(verdict.flags()).containsExactlyInAnyOrder(Route.CONFIDENTIAL, Route.COMPLAINT);
    }

    @Test
    void everythingElseIsTrivialAndQuestionsNeedAnAnswer() {
        assertThat(rules.classify("Tack för en fin dag! 🙂").route()).isEqualTo(Route.TRIVIAL);
        assertThat(rules.classify("Tack för en fin dag! 🙂").needsResponse()).isFalse();
        Verdict question = rules.classify("När öppnar badhuset?");
        assertThat(question.route()).isEqualTo(Route.TRIVIAL);
        assertThat(question.needsResponse()).isTrue();
    }
}
