package se.kommun.moderation.cases.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.kommun.moderation.cases.actions.domain.DecisionPoint;
import se.kommun.moderation.cases.actions.domain.Replies;

class DeskRulesTest {

    @Test
    void removalIsAutomaticOnlyAtOrAboveTheThresholdAndWithoutReview() {
        assertThat(DecisionPoint.isAutomatic(0.85, false, 0.85)).isTrue();
        assertThat(DecisionPoint.isAutomatic(0.849, false, 0.85)).isFalse();
        assertThat(DecisionPoint.isAutomatic(0.99, true, 0.85)).isFalse();
    }

    @Test
    void repliesAreSignedWithNameRoleAndOrganisation() {
        assertThat(Replies.signed("  Tack för frågan!\n", " Anna ", "kommunikatör", "Örebro kommun"))
                .isEqualTo("Tack för frågan!\n\n/Anna, kommunikatör, Örebro kommun");
    }
}
