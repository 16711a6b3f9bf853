package se.kommun.moderation.classification.domain.detect.criminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kommun.moderation.classification.domain.detect.DetectorFixture;
import se.kommun.moderation.events.Route;

class HateSpeechDetectorTest {

    private final HateSpeechDetector detector = new HateSpeechDetector(DetectorFixture.RULES);

    private double score(String text) {
        return DetectorFixture.score(detector, text, Route.CRIMINAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Alla somalier är parasiter",
        "Muslimer är en cancer i samhället",
        "judarna äger ju halva centrum",
        "afghanerna är våldtäktsmän allihop, skicka hem dom",
        "Tiggarna är zigenarpack",
        "alla n***ar borde deporteras",
        "b*gar är sjuka i huvudet allihop",
        "a l l a  a r a b e r  ä r  d j u r",
        "Judejävlarna styr hela kommunen",
        "Swedish towns are being overrun by third world savages",
    })
    void recognisesContemptForAProtectedGroup(String text) {
        assertThat(score(text)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Muslimer och kristna firade tillsammans i parken",
        "Vi behöver fler bostäder för nyanlända",
        "Det är fel att kalla invandrare för parasiter",
        "Kommunalrådet är en inkompetent clown",
        "Sossarna förstör Sverige",
        "Det svarta skräpet på gatan måste bort",
    })
    void letsDebateAndCriticismPass(String text) {
        assertThat(score(text)).isLessThan(0.7);
    }

    @Test
    void pointsAtTheMaskedSlur() {
        assertThat(DetectorFixture.spans(detector, "alla n***ar borde deporteras")).contains("n***ar");
    }

    // slur stems in all their inflections; conspiracy about a group owning institutions
    @ParameterizedTest
    @ValueSource(strings = {
        "Ziggarna stjäl allt som inte är fastskruvat",
        "Judarna äger både bankerna och media",
        "De borde fraktas bort i kreatursvagnar, hela kebabfolket",
    })
    void recognisesSlurStemsAndConspiracy(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    // negative of the same family
    @ParameterizedTest
    @ValueSource(strings = {
        "Det är rasistiskt att påstå att judarna äger media",
        "Kebabpizzan på torget är bäst i stan",
    })
    void passesSlurStemsAndConspiracy(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Judar är giriga blodsugare",
        "Araber och afghaner är en invasiv art",
        "Dags att sanera Sverige från alla muslimer",
        "Somalier är ett bakåtsträvande folk som aldrig blir civiliserade",
        "Romerna är parasiter allihop",
        "Funktionshindrade är snyltare på samhället",
        "Shiamuslimerna tränger ut svenskarna",
    })
    void recognisesDehumanisingFamiliesAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Dags att sanera badhuset, mögel överallt",
        "Parasiterna i dammen, är de farliga för hundar?",
        "Invasiva arter som blomsterlupin sprids längs vägarna",
        "Muslimer firar eid i helgen, trevligt med fest i parken",
    })
    void ignoresNegativesOfDehumanisingFamiliesAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    // unseen-set-8 family: coded hate (number codes, ZOG, ironic group names, animal emoji)
    @ParameterizedTest
    @ValueSource(strings = {
        "Centrum är fullt av kulturberikare nuförtiden 🙄",
        "Rösta rätt i höst 14/88",
        "ZOG styr hela fullmäktige",
        "Somalierna i Vivalla 🐀🐀",
        "1488 Sverige vaknar",
    })
    void recognisesCodedHate(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Vi åker buss 14, 88 kr för biljetten",
        "Linje 14 och 88 går inte på söndagar",
        "Vilken söt apa på Skansen 🐒",
    })
    void letsNumbersAndAnimalsPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Invandrarna i Brickebacken har tagit över torget. Dom är djur allihop.",
        "Somalierna har förstört centrum. Det är ett folk av tjuvar.",
        "Rainbow parade in the square again. These degenerates should be locked up.",
        "(((bankirerna))) styr kommunen, vakna upp",
    })
    void recognisesGroupAndPredicateAcrossAPronounAndTheEcho(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Kurderna i Vivalla har startat en fin förening. Det är ett folk med lång historia.",
        "Politikerna är djur som bara tänker på sig själva.",
        "Prideparaden gick genom centrum. Det var tusentals glada människor där.",
        "Invandrarna i kommunen drabbas av bostadsbristen. De är offer för dålig planering.",
    })
    void letsLookAlikesOfGroupAndPredicateAcrossAPronounAndTheEchoPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    // a group and a dehumanising predicate anywhere in the sentence, or in a subjectless fragment after it
    @ParameterizedTest
    @ValueSource(strings = {
        "Muslimerna som bor i vårt område är faktiskt ohyra allihop.",
        "Invandrarna i Vivalla är inget annat än djur.",
        "Judarna styr bankerna. Ohyra, allihop.",
        "Somalierna på torget är djur, och nej det är inte rasism.",
        "Those jews running the council are vermin, not people.",
    })
    void recognisesAPredicateAcrossWordsAndInAFragment(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    // rejecting or reporting the words, and a friendly next sentence, stay clean
    @ParameterizedTest
    @ValueSource(strings = {
        "Det är rasism att kalla invandrare djur och det måste vi säga ifrån om.",
        "Han kallade invandrarna parasiter och blev dömd för hets mot folkgrupp.",
        "Man kan inte kalla somalier för djur, det är rasism.",
        "Judarna firar hanukka i synagogan nästa vecka. Välkomna allihop.",
        "Romerna vid ICA har sålt tidningar här i tio år. Parasiterna i rabatten är ett större problem.",
    })
    void letsRejectionReportingAndNeighbouringSentencesPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }
}
