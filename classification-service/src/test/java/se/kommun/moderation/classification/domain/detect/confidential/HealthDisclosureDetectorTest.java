package se.kommun.moderation.classification.domain.detect.confidential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kommun.moderation.classification.domain.detect.DetectorFixture;
import se.kommun.moderation.classification.domain.detect.PersonalAnchors;
import se.kommun.moderation.events.Route;

class HealthDisclosureDetectorTest {

    private final HealthDisclosureDetector detector =
            new HealthDisclosureDetector(DetectorFixture.RULES, new PersonalAnchors(DetectorFixture.RULES));

    private double score(String text) {
        return DetectorFixture.score(detector, text, Route.CONFIDENTIAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Min mamma har Alzheimer och ramlade i går",
        "Jag har utmattningssyndrom och är sjukskriven sen februari",
        "fick mitt hiv-besked igår",
        "Gunnel på Rynningevägen som har KOL får ingen hjälp",
        "alla vet att han är alkoholist och var inlagd på psyk",
        "min son Viktor har diabetes typ 1",
        "Jag jobbar som sjuksköterska och mannen i rum 12 ligger nu på IVA med covid",
    })
    void recognisesHealthFactsAboutSomeone(String text) {
        assertThat(score(text)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Personer med demens behöver mer stöd i kommunen",
        "Många barn med adhd får vänta länge på utredning",
        "Tack till personalen som tog så fint hand om pappa",
        "Cancervården i regionen borde få mer pengar",
    })
    void letsGeneralDebatePass(String text) {
        assertThat(score(text)).isLessThan(0.7);
    }

    @Test
    void pointsAtTheFactAndTheAnchor() {
        assertThat(DetectorFixture.spans(detector, "Min mamma har Alzheimer")).contains("Alzheimer", "Min mamma");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Jag opererades för bröstcancer i höstas",
        "Efter min utmattningsdepression orkar jag inte",
        "Pappa har fått lunginflammation tre gånger i år",
        "Min son har nötallergi och förskolan glömmer det",
        "Jag är sjukskriven sedan i mars",
        "Min dotter går på BUP sedan ett år",
    })
    void recognisesDiagnosisFamiliesAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Lunginflammation är vanligt bland äldre på vintern",
        "Utmattningsdepression ökar bland kommunanställda enligt rapporten",
    })
    void ignoresNegativesOfDiagnosisFamiliesAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isLessThan(0.7);
    }

    // a name with an age identifies a person however long the clause before the fact
    @ParameterizedTest
    @ValueSource(strings = {
        "Elin (16) som alltid sitter i biblioteket efter skolan har fått diagnosen anorexi.",
        "Som kurator kan jag säga att Omar, 14, som bor i Vivalla ligger på BUP efter ett självmordsförsök.",
        "Min pappa Leif har sväljsvårigheter sen stroken och får fel mat från hemtjänsten.",
    })
    void recognisesNamedPeopleWithAnAge(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Emma, 34, har sagt upp sig från biblioteket och börjar på Regionen i höst.",
        "Många som drabbas av stroke får sväljsvårigheter, bra att äldreboendet har anpassad mat.",
    })
    void letsAgesWithoutHealthAndGeneralStatementsPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isLessThan(0.7);
    }
}
