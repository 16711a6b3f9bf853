package se.kommun.moderation.classification.domain.detect.criminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kommun.moderation.classification.domain.detect.DetectorFixture;
import se.kommun.moderation.events.Route;

class IncitementDetectorTest {

    private final IncitementDetector detector = new IncitementDetector(DetectorFixture.RULES);

    @ParameterizedTest
    @ValueSource(strings = {
        "Riv lapparna, punktera p-vakternas bilar, sprid det här!!",
        "Vi borde storma fullmäktigesalen och släpa ut dom en och en",
        "Alla i Hovsta: ut ikväll och riv ner kamerorna, vi ses vid macken kl 22",
        "klottra ner hela biblioteket, har färg om nån vill hänga med",
        "Ta med bensin på fredag så löser vi det själva",
    })
    void recognisesCallsToCrime(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Riv inte det gamla badhuset!",
        "De ska riva ner det gamla huset i vår",
        "Stormar det imorgon?",
        "Vi borde bojkotta mötet",
    })
    void letsOrdinaryUsesPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    // violence as the means of a call to act together
    @ParameterizedTest
    @ValueSource(strings = {
        "Vi måste ta tillbaka torget med våld",
        "Skit i lagen, alla ut och stäng vägen med våld",
    })
    void recognisesViolenceAsTheMeans(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    // negative of the same family
    @ParameterizedTest
    @ValueSource(strings = {
        "Polisen grep honom med våld, det var inte okej",
        "Våld är aldrig lösningen",
    })
    void passesViolenceAsTheMeans(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Alla som har tändstickor hemma: dags att göra ett besök på moskén i natt",
        "Punktera däcken på alla parkeringsvakters bilar, sprid detta!",
    })
    void recognisesEuphemismsAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Vi gjorde ett besök på moskén med klassen, mycket lärorikt",
        "Dags att byta till vinterdäck nu",
    })
    void ignoresNegativesOfEuphemismsAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    // unseen-set-8 family: a call to a group (who, when, where) and an act of arson or vandalism
    @ParameterizedTest
    @ValueSource(strings = {
        "Nån som hänger med och tänder på bilarna vid stationen i natt?",
        "Alla som är trötta på nämnden: vi möts vid kommunhuset kl 20 och krossar rutorna",
        "Ställ er vid infarten på söndag, försöker de köra in så punkterar vi däcken. Sprid!",
        "Vi samlas vid rektorns hus imorgon, ta med ägg och något att kasta med",
        "Samling på torget på lördag, ta med färg och kasta färg på stadshuset",
    })
    void recognisesAGroupCalledToArsonOrVandalism(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Vi ska måla om staketet vid förskolan på lördag, ta med färg och penslar!",
        "Alla som vill hänga med och plocka skräp: vi samlas vid kyrkan på lördag kl 10.",
        "Min kompis tänder på allt som har med brandbilar att göra",
        "Någon har punkterat däcken på min cykel igen, kan ni sätta upp en kamera?",
    })
    void letsGatheringsAndReportsPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "inatt bränner vi bilarna vid torget, alla som är med samlas kl 23",
        "vi samlas vid stationen på lördag och jagar ut dom därifrån en gång för alla",
        "Imorgon välter vi bodarna vid bygget och kastar dem i sjön.",
        "Rösta i flera vallokaler, ingen kontrollerar legitimation. Ju fler av oss desto bättre.",
        "Vote twice, they never check ID at the polling station.",
    })
    void recognisesWeAnnouncingACrimeAndElectoralFraud(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Vi samlas vid torget på lördag och plockar skräp, ta med handskar!",
        "Ikväll river vi gamla tapeterna i föreningslokalen, alla välkomna att hjälpa till.",
        "Rösta på söndag! Vallokalerna är öppna 8-20, ta med leg.",
        "Kan man rösta i flera val samma dag, till exempel kyrkovalet och kommunvalet?",
    })
    void letsLookAlikesOfWeAnnouncingACrimeAndElectoralFraudPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    // "someone should" + a violent act + a place or people; a meeting joined to a destructive act
    @ParameterizedTest
    @ValueSource(strings = {
        "Nån borde bränna ner moskén på Vivalla, de förtjänar inget annat.",
        "Någon borde spränga kommunhuset innan budgeten klubbas.",
        "Ikväll samlas vi vid skolan och krossar varenda ruta. Ju fler desto bättre.",
        "Vi ses vid macken kl 23 och tänder på containrarna bakom ICA.",
    })
    void recognisesProxyCallsAndGatheringsToDestroy(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Någon borde riva det där fula gamla huset vid torget.",
        "Någon borde skjuta upp mötet med rektorn till nästa vecka.",
        "Någon borde laga gungan på lekplatsen.",
        "Ikväll samlas vi vid scenen och grillar korv, ju fler desto bättre!",
        "På söndag samlas vi i kyrkan och tänder ljus för offren.",
        "Borde någon tända på grillen vid badplatsen?",
    })
    void letsWishesRepairsAndPartiesPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }
}
