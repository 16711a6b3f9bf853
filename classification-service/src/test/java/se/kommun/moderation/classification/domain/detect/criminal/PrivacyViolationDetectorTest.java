package se.kommun.moderation.classification.domain.detect.criminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    // health spread to many, a home laid open with a call to act, filming in the past tense
    @ParameterizedTest
    @ValueSource(strings = {
        "Sjuksköterskan Maria på vårdcentralen har hiv, sprid vidare",
        "Här är hans adress och telefonnummer. Ni vet vad ni ska göra.",
        "Filmade henne när hon bytte om, länk kommer",
    })
    void recognisesSensitiveFactsAndHomesSpread(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    // negative of the same family
    @ParameterizedTest
    @ValueSource(strings = {
        "Jag har herpes och skäms, sprid gärna kunskap om det",
        "Hon bor på Lindvägen 5 sedan i somras",
        "Här är adressen till återvinningscentralen, gör vad ni vill med det",
    })
    void passesSensitiveFactsAndHomesSpread(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Kolla vad jag hittade på hennes mobil, nakenselfies på HR-chefen, länk i bio",
        "Handläggaren Sofia Ek bor på Tallstigen 3, lägenhet 1102. Gå dit och säg vad ni tycker.",
        "Mannen som bor på Gröna vägen 12 har aids, varna alla ni känner",
    })
    void recognisesFamiliesAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Jag bor på Storgatan 12 och ingen har plogat, kan ni åka dit och kolla?",
        "Min mamma bor på Ekvägen 3, kan hemtjänsten gå dit oftare?",
    })
    void ignoresNegativesOfFamiliesAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }
}
