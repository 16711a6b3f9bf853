package se.kommun.moderation.classification.domain.detect.confidential;

import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.kommun.moderation.classification.domain.detect.DetectorFixture;
import se.kommun.moderation.classification.domain.detect.PersonalAnchors;
import se.kommun.moderation.events.Route;

class OtherPersonalDataDetectorsTest {

    private final FinancialDataDetector financial = new FinancialDataDetector(DetectorFixture.RULES);
    private final CriminalRecordDisclosureDetector record =
            new CriminalRecordDisclosureDetector(DetectorFixture.RULES, new PersonalAnchors(DetectorFixture.RULES));

    @Test
    void aBankAccountNumberIsConfidentialWithItsSpan() {
        String text = "Betala tillbaka till clearing 8327-9, kontonummer 914 556 281-4 (Swedbank)";
        assertThat(DetectorFixture.score(financial, text, Route.CONFIDENTIAL)).isGreaterThanOrEqualTo(0.7);
        assertThat(DetectorFixture.spans(financial, text)).anySatisfy(span -> assertThat(span).contains("914 556 281-4"));
    }

    @Test
    void aBankgiroOfACompanyIsNot() {
        assertThat(DetectorFixture.score(financial, "Betala till bankgiro 123-4567", Route.CONFIDENTIAL)).isZero();
    }

    @Test
    void aNamedPersonsCriminalRecordIsConfidential() {
        assertThat(DetectorFixture.score(record, "Tommy Berg i trappuppgång 3 har suttit inne för misshandel",
                Route.CONFIDENTIAL)).isGreaterThanOrEqualTo(0.7);
    }

    @Test
    void aHeadlineAboutAnUnnamedPersonIsNot() {
        assertThat(DetectorFixture.score(record, "Man dömd för misshandel i Örebro", Route.CONFIDENTIAL)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sätt in återbetalningen på Swedbank 8214-9, 934 221 773-5",
    })
    void recognisesBankNamesAfterSet5(String text) {
        assertThat(DetectorFixture.score(financial, text, Route.CONFIDENTIAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Jag har konto på biblioteket sedan 2019",
    })
    void ignoresNegativesOfBankNamesAfterSet5(String text) {
        assertThat(DetectorFixture.score(financial, text, Route.CONFIDENTIAL)).isLessThan(0.7);
    }
}
