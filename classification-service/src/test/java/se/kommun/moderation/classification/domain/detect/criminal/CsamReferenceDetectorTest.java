package se.kommun.moderation.classification.domain.detect.criminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kommun.moderation.classification.domain.detect.DetectorFixture;
import se.kommun.moderation.events.Route;

class CsamReferenceDetectorTest {

    private final CsamReferenceDetector detector = new CsamReferenceDetector(DetectorFixture.RULES);

    @ParameterizedTest
    @ValueSource(strings = {
        "[länk till övergreppsmaterial] kolla innan det tas bort",
        "mer finns i min kanal 👉 barnporr, dm för lösenord",
        "har en mapp med bilder på nakna småbarn, skriv i dm",
    })
    void recognisesReferencesToAbuseMaterial(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Barnpornografi är vidrigt och måste stoppas",
        "Tipsa polisen om du ser övergreppsmaterial på nätet",
        "Badet har nakna barn-förbud? Barnen måste ha badkläder",
    })
    void letsDebateAndWarningsPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }
}
