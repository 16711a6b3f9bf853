package se.kommun.moderation.classification.domain.detect.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kommun.moderation.classification.domain.detect.DetectorFixture;
import se.kommun.moderation.events.Route;

class CaseDetectorsTest {

    private final OngoingCaseDetector ongoing = new OngoingCaseDetector(DetectorFixture.RULES);
    private final NewCaseDetector newCase = new NewCaseDetector(DetectorFixture.RULES);

    @ParameterizedTest
    @ValueSource(strings = {
        "Mitt bygglovsärende BN 2024/0871 har legat hos er sedan i mars",
        "ärendet heter KS 2025/118",
        "Vi överklagade i februari (dnr 2025/0213) och har inte hört något",
        "Ärende 25-4471, ingen har kommit",
        "Hur går det med min ansökan om boendeparkering?",
        "Skickade in ansökan för sju veckor sedan och har inte fått något besked",
        "har fortfarande inte fått nåt svar på mitt klagomål",
    })
    void recognisesAnOngoingCase(String text) {
        assertThat(DetectorFixture.score(ongoing, text, Route.COMPLAINT)).isGreaterThanOrEqualTo(0.6);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Vad ska man skriva, 19850412 eller 1985-04-12?",
        "Sedan 2023-05-12 har vi bott här",
        "Hur lång tid brukar det ta att få besked på en bygglovsansökan?",
    })
    void datesAndGeneralQuestionsAreNoCase(String text) {
        assertThat(DetectorFixture.score(ongoing, text, Route.COMPLAINT)).isLessThan(0.6);
    }

    @Test
    void pointsAtTheDiaryNumber() {
        assertThat(DetectorFixture.spans(ongoing, "ärendet heter KS 2025/118")).contains("ärendet heter KS 2025/118");
        assertThat(DetectorFixture.spans(ongoing, "se KSN-2013-0180")).contains("KSN-2013-0180");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Jag vill anmäla en trasig gunga på lekplatsen",
        "Vill överklaga p-boten jag fick igår",
        "Jag vill begära ut alla mejl om renoveringen",
        "Det är ett hål i cykelbanan. Vänligen åtgärda.",
        "nån har dumpat en soffa i skogen, kan ni hämta?",
        "Jag vill lämna ett medborgarförslag om teckenspråkstolkning",
        "Jag vill felanmäla en gatlampa som blinkar",
    })
    void recognisesARequestThatStartsACase(String text) {
        assertThat(DetectorFixture.score(newCase, text, Route.COMPLAINT)).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void aQuestionAboutOpeningHoursStartsNoCase() {
        assertThat(DetectorFixture.score(newCase, "Har biblioteket öppet på lördag?", Route.COMPLAINT)).isZero();
    }

    // a request to act in a comment that reports a fault starts a case, whatever the verb
    @ParameterizedTest
    @ValueSource(strings = {
        "Tre kundvagnar ligger slängda i Svartån vid Hamnplan. Kan ni dra upp dem?",
        "Gatlampan vid Ekbacken är trasig igen. Fixa den innan någon ramlar.",
    })
    void recognisesRequestsToActOnAFault(String text) {
        assertThat(DetectorFixture.score(newCase, text, Route.COMPLAINT)).isGreaterThanOrEqualTo(0.6);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Kan ni skicka blanketten för bostadsanpassning till mig?",
        "Kan ni berätta när simhallen öppnar igen efter sommaren?",
    })
    void letsRequestsWithoutAFaultPass(String text) {
        assertThat(DetectorFixture.score(newCase, text, Route.COMPLAINT)).isLessThan(0.6);
    }
}
