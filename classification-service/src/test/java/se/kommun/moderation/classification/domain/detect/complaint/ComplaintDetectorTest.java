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

    // unseen-set-8 family: complaints without a complaint word (a plea, a duration, irony, dialect, English)
    @ParameterizedTest
    @ValueSource(strings = {
        "Gatlyset på Nygatan har inte synts till sen i fredags, snälla åtgärda innan någon ramlar",
        "Fyra dygn utan ström i Glanshammar och inte ett ord från kommunen.",
        "Soptunnorna blåser omkull varje natt, tack för inget 🙄",
        "Vägen har int plogats på en vecka, ä dä så här dä ska va?",
        "The playground has had no lights since October. Please fix this.",
    })
    void recognisesComplaintsWithoutAComplaintWord(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.COMPLAINT)).isGreaterThanOrEqualTo(0.6);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "När öppnar biblioteket i sommar?",
        "Tack för en fin konsert igår!",
        "Great job med nya lekplatsen, barnen älskar den!",
    })
    void letsQuestionsAndThanksPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.COMPLAINT)).isLessThan(0.6);
    }

    // sarcasm, rhetorical questions, a lasting fault and plain judgements of a decision
    @ParameterizedTest
    @ValueSource(strings = {
        "Snyggt jobbat kommunen 🙄",
        "Tack för den fina snöröjningen på Storgatan. 😒",
        "Vem är det som bestämmer sånt här egentligen?",
        "Gatlampan vid Ekbacken är trasig sedan i måndags.",
        "Att lägga ner kvällsöppet på biblioteket är oansvarigt.",
        "Vi har blivit dubbelfakturerade för bygglovet, förklara hur det här är rimligt.",
    })
    void recognisesSarcasmQuestionsAndLastingFaults(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.COMPLAINT)).isGreaterThanOrEqualTo(0.6);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Snyggt jobbat med nya lekplatsen, barnen älskar den!",
        "Vem är kontaktperson för föreningsbidrag?",
        "Gatlampan vid Ekbacken lagades i måndags, tack!",
        "Tack för hjälpen 😊",
    })
    void letsPraiseAndInformationQuestionsPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.COMPLAINT)).isLessThan(0.6);
    }
}
