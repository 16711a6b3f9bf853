package se.kommun.moderation.classification.domain.detect.confidential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kommun.moderation.classification.domain.detect.DetectorFixture;
import se.kommun.moderation.classification.domain.detect.PersonalAnchors;
import se.kommun.moderation.events.Route;

class ProtectedIdentityDetectorTest {

    private final ProtectedIdentityDetector detector =
            new ProtectedIdentityDetector(DetectorFixture.RULES, new PersonalAnchors(DetectorFixture.RULES));

    @ParameterizedTest
    @ValueSource(strings = {
        "Jag har skyddade personuppgifter och bor egentligen på Lövstagatan 17",
        "min systers barn har skyddad identitet och syns tydligt på bilden",
        "Hon bor i gula huset bakom kyrkan nu. Hon har skyddad adress men alla vet ju.",
    })
    void recognisesAProtectedPerson(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Hur hanterar kommunen personer med skyddad identitet i e-tjänsterna?",
        "Det borde finnas en rutin för skyddade personuppgifter",
    })
    void letsGeneralQuestionsPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isLessThan(0.7);
    }

    // the writer's own marking
    @ParameterizedTest
    @ValueSource(strings = {
        "Vi har sekretessmarkering sedan flytten och nu syns vårt namn på skolans hemsida",
    })
    void recognisesOwnMarking(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isGreaterThanOrEqualTo(0.7);
    }

    // negative of the same family
    @ParameterizedTest
    @ValueSource(strings = {
        "Vad betyder sekretessmarkering i folkbokföringen?",
    })
    void passesOwnMarking(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isLessThan(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Vi bor med skyddad adress här i kommunen",
        "Jag är kvarskriven i en annan kommun",
    })
    void recognisesFamiliesAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Vad betyder skyddad adress i folkbokföringen?",
    })
    void ignoresNegativesOfFamiliesAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isLessThan(0.7);
    }
}
