package se.kommun.moderation.classification.domain.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.classification.domain.Verdict;
import se.kommun.moderation.classification.domain.detect.DetectorFixture;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

class FlowchartDecisionTest {

    private final FlowchartDecision decision = new FlowchartDecision(DetectorFixture.RULES);

    private static Finding finding(Route route, String subtype, double score, boolean wantsAnswer) {
        return new Finding("test-" + subtype, route, subtype, score,
                List.of(new Reason("test-" + subtype, route, subtype, 0, 1, score)), wantsAnswer);
    }

    @Test
    void theRemovalLaneComesBeforeTheRecordsLaneAndEveryRouteIsFlagged() {
        Verdict verdict = decision.decide(List.of(
                finding(Route.COMPLAINT, "complaint", 0.9, true),
                finding(Route.CRIMINAL, "threat", 0.9, false),
                finding(Route.CONFIDENTIAL, "health", 0.8, true)));
        assertThat(verdict.route()).isEqualTo(Route.CRIMINAL);
        assertThat(verdict.flags()).containsExactly(Route.CRIMINAL, Route.CONFIDENTIAL, Route.COMPLAINT);
        assertThat(verdict.needsResponse()).isFalse();
        assertThat(verdict.reasons()).extracting(Reason::route)
                .containsExactlyInAnyOrder(Route.CRIMINAL, Route.CONFIDENTIAL, Route.COMPLAINT);
    }

    @Test
    void confidentialIsAnsweredPrivatelyAndItsSubtypeFollowsPrecedence() {
        Verdict verdict = decision.decide(List.of(
                finding(Route.CONFIDENTIAL, "health", 0.95, true),
                finding(Route.CONFIDENTIAL, "personal_id", 0.8, true)));
        assertThat(verdict.route()).isEqualTo(Route.CONFIDENTIAL);
        assertThat(verdict.subtype()).isEqualTo("personal_id");
        assertThat(verdict.needsResponse()).isTrue();
    }

    @Test
    void anOngoingCaseOutranksANewCaseAndAPlainComplaint() {
        Verdict verdict = decision.decide(List.of(
                finding(Route.COMPLAINT, "complaint", 0.95, false),
                finding(Route.COMPLAINT, "ongoing_case", 0.7, true),
                finding(Route.COMPLAINT, "new_case", 0.8, true)));
        assertThat(verdict.subtype()).isEqualTo("ongoing_case");
        assertThat(verdict.needsResponse()).isTrue();
    }

    @Test
    void anOpinionNeedsNoAnswerButAGrievanceDoes() {
        assertThat(decision.decide(List.of(finding(Route.COMPLAINT, "complaint", 0.8, false))).needsResponse())
                .isFalse();
        assertThat(decision.decide(List.of(finding(Route.COMPLAINT, "complaint", 0.8, true))).needsResponse())
                .isTrue();
    }

    @Test
    void belowEveryThresholdItIsTrivialAndOnlyQuestionsAreAnswered() {
        Verdict question = decision.decide(List.of(finding(Route.TRIVIAL, "question", 0.8, true)));
        assertThat(question.route()).isEqualTo(Route.TRIVIAL);
        assertThat(question.flags()).containsExactly(Route.TRIVIAL);
        assertThat(question.needsResponse()).isTrue();

        Verdict chatter = decision.decide(List.of());
        assertThat(chatter.subtype()).isEqualTo("chatter");
        assertThat(chatter.needsResponse()).isFalse();
    }

    @Test
    void spamOutranksThanksAndAQuestionOutranksThanks() {
        assertThat(decision.decide(List.of(finding(Route.TRIVIAL, "thanks", 0.9, false),
                finding(Route.TRIVIAL, "spam", 0.8, false))).subtype()).isEqualTo("spam");
        assertThat(decision.decide(List.of(finding(Route.TRIVIAL, "thanks", 0.9, false),
                finding(Route.TRIVIAL, "question", 0.8, true))).subtype()).isEqualTo("question");
    }

    @Test
    void aNearMissLowersConfidenceSoAHumanLooks() {
        double clean = decision.decide(List.of(finding(Route.TRIVIAL, "thanks", 0.9, false))).confidence();
        Verdict doubtful = decision.decide(List.of(finding(Route.TRIVIAL, "thanks", 0.9, false),
                finding(Route.CRIMINAL, "threat", 0.65, false)));
        assertThat(doubtful.route()).isEqualTo(Route.TRIVIAL);
        assertThat(doubtful.confidence()).isLessThan(clean).isLessThan(0.6);
        assertThat(doubtful.reasons()).extracting(Reason::route).contains(Route.CRIMINAL);
    }

    @Test
    void strongerEvidenceGivesHigherConfidenceWithinZeroAndOne() {
        double weak = decision.decide(List.of(finding(Route.CRIMINAL, "threat", 0.72, false))).confidence();
        double strong = decision.decide(List.of(finding(Route.CRIMINAL, "threat", 0.99, false))).confidence();
        assertThat(weak).isLessThan(strong);
        assertThat(strong).isLessThanOrEqualTo(1.0);
        assertThat(weak).isGreaterThanOrEqualTo(0.0);
    }
}
