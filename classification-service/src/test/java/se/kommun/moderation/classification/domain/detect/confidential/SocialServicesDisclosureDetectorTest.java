package se.kommun.moderation.classification.domain.detect.confidential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kommun.moderation.classification.domain.detect.DetectorFixture;
import se.kommun.moderation.classification.domain.detect.PersonalAnchors;
import se.kommun.moderation.events.Route;

class SocialServicesDisclosureDetectorTest {

    private final SocialServicesDisclosureDetector detector =
            new SocialServicesDisclosureDetector(DetectorFixture.RULES, new PersonalAnchors(DetectorFixture.RULES));

    @ParameterizedTest
    @ValueSource(strings = {
        "Jag får ekonomiskt bistånd och undrar om jag måste redovisa swishen",
        "jag gjorde en orosanmälan om familjen på Oxhagsgatan 4",
        "Vi har fått ett LVU-beslut om vår dotter och hon är placerad i ett familjehem",
        "min lillebror har missbruksproblem och fick plats på behandlingshem",
        "Fick avslag på försörjningsstödet IGEN",
        "Farfar har fått avslag på utökad hemtjänst",
    })
    void recognisesSomeonesCase(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Försörjningsstödet i kommunen har ökat kraftigt i år",
        "Kommunen borde bygga fler LSS-boenden",
        "Synpunkt på hemtjänsten: pappa får nya ansikten varje dag",
        "Tack hemtjänsten i Lillån, ni är guld värda",
        "Hur många barn placeras i familjehem varje år?",
    })
    void letsGeneralTalkAboutServicesPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isLessThan(0.7);
    }

    // a report to social services as a verb; genitive kin ("min brors", "grannens")
    @ParameterizedTest
    @ValueSource(strings = {
        "Jag ringde soc om min brors dotter förra veckan",
        "Vi anmälde grannens pojke till socialtjänsten i somras",
        "Min systers son är familjehemsplacerad sen i våras",
    })
    void recognisesReportsAboutOthersChildren(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isGreaterThanOrEqualTo(0.7);
    }

    // negative of the same family
    @ParameterizedTest
    @ValueSource(strings = {
        "Man kan alltid ringa soc om man är orolig för ett barn",
        "Hur anmäler man till socialtjänsten?",
    })
    void passesReportsAboutOthersChildren(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isLessThan(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Min mamma har hemtjänst men biståndshandläggaren har dragit ner på timmarna",
        "Har gjort en anmälan om barnen i huset mittemot, pappan dricker",
        "Jag fick avslag på mitt bostadstillägg",
        "Mitt barnbarn har blivit omhändertaget",
    })
    void recognisesFamiliesAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Hemtjänsten i kommunen har dragit ner på personalen, skandal",
        "Hur söker man bostadstillägg?",
    })
    void ignoresNegativesOfFamiliesAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isLessThan(0.7);
    }

    // after unseen-set-6: the writer holding a commission ("vi är kontaktfamilj"); a relative who HAS a
    // service granted only by decision ("min bror har personlig assistans")
    @ParameterizedTest
    @ValueSource(strings = {
        "Vi har varit kontaktfamilj åt en tjej i två år och nu slutar det utan förklaring",
        "Jag är god man för en ensamkommande kille och han har inte fått sin ersättning",
        "Min bror har personlig assistans men assistenterna byts ut hela tiden",
    })
    void recognisesTheWritersCommissionAndAHeldService(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Vi behöver fler familjehem i kommunen, anmäl intresse på hemsidan",
        "Kan man bli kontaktfamilj utan att ha egna barn?",
        "Min granne tycker att personlig assistans kostar för mycket",
    })
    void passesRecruitmentAndOpinions(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isLessThan(0.7);
    }

    // unseen-set-8 family: the writer living in social-services housing after detox
    @ParameterizedTest
    @ValueSource(strings = {
        "Jag bor på stödboendet i Markbacken sedan avgiftningen och värmen fungerar inte.",
        "Jag bor i ett av socialtjänstens stödboenden och min boendestödjare kommer aldrig.",
    })
    void recognisesTheWriterInSocialServicesHousing(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Kommunen borde bygga fler stödboenden för unga vuxna",
        "Hur många platser har kommunens stödboenden?",
    })
    void letsTalkAboutHousingInGeneralPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CONFIDENTIAL)).isLessThan(0.7);
    }
}
