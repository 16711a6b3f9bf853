package se.kommun.moderation.classification.domain.detect.confidential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kommun.moderation.classification.domain.detect.DetectorFixture;
import se.kommun.moderation.classification.domain.detect.PersonalAnchors;
import se.kommun.moderation.events.Route;

class SchoolSituationDetectorTest {

    private final SchoolSituationDetector detector =
            new SchoolSituationDetector(DetectorFixture.RULES, new PersonalAnchors(DetectorFixture.RULES));

    @ParameterizedTest
    @ValueSource(strings = {
        "Min dotter Wilma i 3B på Ladugårdsängsskolan blir mobbad på varje rast",
        "är det sant att Elias i 7C ska stängas av?",
        "min son Ali har över 40% frånvaro och riskerar F i alla ämnen",
        "vår son Hugo (åk 1) har särskilda behov och placerades på fel skola",
    })
    void recognisesAnIdentifiablePupilsSituation(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Skolmaten på Nikolaiskolan är inte ätbar, min son kommer hem hungrig",
        "Mobbningen i skolorna måste tas på större allvar",
    })
    void letsSchoolComplaintsAndDebatePass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isLessThan(0.7);
    }

    @Test
    void pointsAtTheClass() {
        assertThat(DetectorFixture.spans(detector, "Min dotter Wilma i 3B blir mobbad")).contains("3B", "mobbad");
    }

    // absence written as a clause; a named pupil with an assistant
    @ParameterizedTest
    @ValueSource(strings = {
        "Min son har inte gått till skolan på två månader",
        "Elias i 2B har en egen assistent men slår andra barn ändå",
    })
    void recognisesAbsenceAsAClauseAndSupport(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isGreaterThanOrEqualTo(0.7);
    }

    // negative of the same family
    @ParameterizedTest
    @ValueSource(strings = {
        "Skolan borde anställa fler assistenter",
        "Alla barn har inte varit i skolan pga snöstormen",
    })
    void passesAbsenceAsAClauseAndSupport(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isLessThan(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Vår son har blivit slagen på rasterna hela terminen",
        "Min dotter blir trakasserad i skolan varje dag",
    })
    void recognisesBullyingFamiliesAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Mobbning i skolan måste tas på allvar, alla barn förtjänar trygghet",
    })
    void ignoresNegativesOfBullyingFamiliesAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isLessThan(0.7);
    }

    // after unseen-set-6: a child placed by name and class; grades and absence of the writer's own child
    @ParameterizedTest
    @ValueSource(strings = {
        "Min dotter Nora i 6B har väntat på en utredning sedan i höstas",
        "Vår son har fått underkänt i engelska två terminer i rad",
        "Min son har varit hemma från skolan i tre veckor nu",
        "Noah i 8A har hotat flera i klassen och ingen gör något",
    })
    void recognisesNamedPupilsGradesAbsenceAndThreats(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Hur många elever fick underkänt i matte i kommunen i år?",
        "Min son i 5A tycker att skolmaten har blivit mycket bättre",
    })
    void passesStatisticsAndHarmlessMentions(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isLessThan(0.7);
    }
}
