package se.kommun.moderation.classification.domain.detect.criminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kommun.moderation.classification.domain.detect.DetectorFixture;
import se.kommun.moderation.events.Route;

class CopyrightDetectorTest {

    private final CopyrightDetector detector = new CopyrightDetector(DetectorFixture.RULES);

    @ParameterizedTest
    @ValueSource(strings = {
        "hela filmen finns gratis i HD här: [länk]",
        "Streama matchen gratis ikväll här 👉 [länk]",
        "Här är hela artikeln för er som inte har prenumeration",
        "ladda ner hela ljudboken gratis här 👇",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a",
        "Finns på thepiratebay om nån vill ha den",
        "hela säsongen går att ladda ner via torrent",
    })
    void recognisesPiracy(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Delar: NA – 'Kommunen satsar 40 miljoner på nya Eyrabadet' [länk]",
        "Filmen visas gratis i Stadsparken på fredag, hela familjen är välkommen",
        "Bra artikel i tidningen idag om skolan",
        "Gratis nedladdning av kommunens turistbroschyr",
        "Ladda ner e-böcker gratis med ditt lånekort från biblioteket",
        "Kartan över cykelvägarna finns att ladda ner gratis på kommunens hemsida",
        "Bilderna från nationaldagen är Creative Commons, ladda ner och dela fritt",
    })
    void letsSharingAndFreeEventsPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    // a lawful source named in the same comment does not launder a pirated copy
    @ParameterizedTest
    @ValueSource(strings = {
        "Hela filmen finns att ladda ner gratis här 👇 varför betala på biblioteket",
        "Kommunens broschyr är tråkig, här är crackad version av spelet istället",
    })
    void stillRecognisesPiracyNextToALawfulSource(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    // a magnet link with a shortened hash; pirate TV without a subscription
    @ParameterizedTest
    @ValueSource(strings = {
        "magnet:?xt=urn:btih:9f3e2a1b hela första säsongen, seeda gärna",
        "Billig IPTV utan abonnemang, alla sportkanaler, dm",
    })
    void recognisesShortMagnetLinksAndPirateTv(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    // negative of the same family
    @ParameterizedTest
    @ValueSource(strings = {
        "Vi har ett abonnemang på tidningen till biblioteket",
        "Magneten på kylskåpet ramlade av",
    })
    void passesShortMagnetLinksAndPirateTv(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Jag har skannat alla notböckerna till kören, ladda ner här: [länk]",
        "cracked version av spelet finns på min drive, gratis nedladdning",
    })
    void recognisesScannedOrCrackedWorks(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Jag har skannat protokollen från nämnden, ladda ner här: [länk]",
        "Köpte spelet, inte cracked, kör det på min dator",
    })
    void letsLookAlikesOfScannedOrCrackedWorksPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }
}
