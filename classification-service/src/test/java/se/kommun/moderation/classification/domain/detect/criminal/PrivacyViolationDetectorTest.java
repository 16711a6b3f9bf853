package se.kommun.moderation.classification.domain.detect.criminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.kommun.moderation.classification.domain.detect.DetectorFixture;
import se.kommun.moderation.events.Route;

class PrivacyViolationDetectorTest {

    private final PrivacyViolationDetector detector = new PrivacyViolationDetector(DetectorFixture.RULES);

    @Test
    void spreadingIntimateImagesIsCriminal() {
        assertThat(DetectorFixture.score(detector, "Här är nakenbilderna på henne, sprid så alla ser", Route.CRIMINAL))
                .isGreaterThanOrEqualTo(0.7);
    }

    @Test
    void aVictimAskingForHelpIsNotSpreading() {
        assertThat(DetectorFixture.score(detector, "Någon har nakenbilder på min dotter, vem kan hjälpa oss?",
                Route.CRIMINAL)).isLessThan(0.7);
    }
}
