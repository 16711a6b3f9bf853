package se.kommun.moderation.classification.domain.detect.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kommun.moderation.classification.domain.detect.DetectorFixture;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.events.Route;

class ComplaintDetectorTest {

    private final ComplaintDetector detector = new ComplaintDetector(DetectorFixture.RULES);

    @ParameterizedTest
    @ValueSource(strings = {
        "Snöröjningen i Rynninge är under all kritik",
        "Tredje veckan utan tömning av kärlen",
        "Parkeringsautomaten tar inte kort och appen krånglade. Helt orimligt!",
        "Trottoaren har inte sandats på hela veckan",
        "Ringde tre gånger idag och ingen svarade",
        "Moved here last year and the staff were rude. Not great.",
    })
    void recognisesGrievancesThatExpectAnAnswer(String text) {
        Finding finding = DetectorFixture.run(detector, text).get(0);
        assertThat(finding.score()).isGreaterThanOrEqualTo(0.6);
        assertThat(finding.wantsAnswer()).isTrue();
    }

    @Test
    void anOpinionOnPrioritiesIsAComplaintThatNeedsNoAnswer() {
        Finding finding = DetectorFixture.run(detector,
                "Att lägga miljoner på konst i rondellerna är slöseri med skattepengar").get(0);
        assertThat(finding.score()).isGreaterThanOrEqualTo(0.6);
        assertThat(finding.wantsAnswer()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Håller inte med om allt men bra att ni lyfter frågan",
        "Typiskt Örebro, sol på morgonen och hagel till lunch",
        "När kommer vattnet tillbaka på Oxhagen?",
    })
    void letsMildOpinionsAndQuestionsPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.COMPLAINT)).isLessThan(0.6);
    }

    // after unseen-set-6: complaints put as questions
    @ParameterizedTest
    @ValueSource(strings = {
        "Varför har ingen lagat gatlyset på Tegelbruksvägen på två veckor?",
        "Hur länge ska vi behöva stå ut med bullret från bygget?",
        "Cykelbanan har varit avstängd sedan i våras, när tänker ni göra något?",
    })
    void recognisesComplaintsPutAsQuestions(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.COMPLAINT)).isGreaterThanOrEqualTo(0.6);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "När öppnar simhallen efter renoveringen?",
        "När ska ni publicera protokollet från mötet?",
    })
    void passesNeutralQuestions(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.COMPLAINT)).isLessThan(0.6);
    }
}
