package se.kommun.moderation.classification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PersonnummerDetectorTest {

    private final PersonnummerDetector detector = new PersonnummerDetector();

    @ParameterizedTest
    @ValueSource(strings = {"811218-9876", "8112189876", "811218 9876", "19811218-9876", "198112189876",
            "196408233234", "191212121212", "201701012393", "200001012384", "20200314-5626", "121212+1212"})
    void findsValidPersonnummer(String number) {
        List<PersonnummerDetector.Match> matches = detector.find("mitt nr är " + number + ", ring mig");
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.start()).isEqualTo(11);
            assertThat(m.end()).isEqualTo(11 + number.length());
            assertThat(m.coordinationNumber()).isFalse();
        });
    }

    @Test
    void findsSamordningsnummerByTheDayPlusSixty() {
        assertThat(detector.find("samordningsnummer 191401682396"))
                .singleElement().satisfies(m -> assertThat(m.coordinationNumber()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "212000-1967",          // organisation number: month 20
        "ring 019-21 10 00",    // Örebro's service centre
        "den 2026-03-14",       // a plain date
        "811218-9875",          // wrong check digit
        "811318-9876",          // month 13
        "19811218-98761",       // too many digits
        "ordernummer 1234567890123"
    })
    void ignoresNumbersThatAreNotPersonnummer(String text) {
        assertThat(detector.find(text)).isEmpty();
    }

    @Test
    void luhnMatchesTheSkatteverketExample() {
        assertThat(PersonnummerDetector.luhnValid("8112189876")).isTrue();
        assertThat(PersonnummerDetector.luhnValid("8112189875")).isFalse();
    }
}
