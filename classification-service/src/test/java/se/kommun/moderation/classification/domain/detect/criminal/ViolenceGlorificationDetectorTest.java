package se.kommun.moderation.classification.domain.detect.criminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kommun.moderation.classification.domain.detect.DetectorFixture;
import se.kommun.moderation.events.Route;

class ViolenceGlorificationDetectorTest {

    private final ViolenceGlorificationDetector detector = new ViolenceGlorificationDetector(DetectorFixture.RULES);

    @ParameterizedTest
    @ValueSource(strings = {
        "[video: man misshandlas till döds] 😂😂 bästa klippet idag",
        "Killen som spöade p-vakten är en hjälte 👏 mer sånt",
        "knivhuggen sju gånger 👌 synd bara att han överlevde",
        "Såg när de slog ihjäl rånaren, helt rätt, fler borde göra så",
    })
    void recognisesCelebratedViolence(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Hemskt att en man misshandlades till döds i helgen, vila i frid",
        "En man knivhuggen i Varberga enligt polisen",
        "Haha vilken match, vi spöade dem i fotboll",
    })
    void letsReportsAndGriefPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    // praise of an attacker or an attack that names no violence
    @ParameterizedTest
    @ValueSource(strings = {
        "Gärningsmannen i Trollhättan är min idol",
        "Terroristerna var martyrer allihop",
        "Attentatet mot partikansliet var välförtjänt, respekt",
    })
    void recognisesPraiseOfAnAttackerWithoutViolentWords(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    // negative of the same family
    @ParameterizedTest
    @ValueSource(strings = {
        "Gärningsmannen är ingen hjälte, bara en feg stackare",
        "Poliserna som stoppade terroristen är hjältar",
        "Massakern i Srebrenica får aldrig glömmas",
    })
    void passesPraiseOfAnAttackerWithoutViolentWords(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Den som tände eld på soc-kontoret gjorde vad vi alla drömt om, ge honom en staty",
        "Gärningsmännen bakom bombningen förtjänar en medalj",
        "Skytten ska hyllas som en hjälte",
    })
    void recognisesPraiseFamiliesAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Statyn av Jenny Lind på torget behöver rengöras",
        "Brandmännen förtjänar en medalj för sin insats",
    })
    void ignoresNegativesOfPraiseFamiliesAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    // unseen-set-8 family: injuries in all their forms, cheered as good news, laughed at or shared
    @ParameterizedTest
    @ValueSource(strings = {
        "Bästa nyheten i år att socialchefen blev misshandlad i trapphuset, hoppas det blir fler",
        "killarna som bröt käken på väktaren förtjänade det, lmao han låg och blödde",
        "P-vakten blev knivhuggen i natt 😂 har klippet om nån vill se",
        "Supportrarna som misshandlade domaren efter matchen är hjältar",
    })
    void recognisesInjuriesCheeredOrShared(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Vilken match! Sirius sköt sönder Degerfors, ren massaker 😂⚽",
        "AIK slaktade Hammarby i derbyt, bästa nyheten på länge 😂",
        "Bästa nyheten på länge att simhallen öppnar igen!",
        "Min granne blev knivhuggen igår, fruktansvärt. Hoppas polisen tar dem.",
    })
    void letsSportsTalkGoodNewsAndGriefPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Respekt till killarna som gav sig på busschauffören i fredags, så ska det se ut",
        "Whoever set fire to the town hall is a hero, shame nobody was inside",
    })
    void recognisesPraiseOfAnyActOnPeopleOrBuildings(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Respekt till brandmännen som räddade familjen i Mosås!",
        "Djurgården torkade golvet med Frölunda, legendarisk match!",
        "Hemskt att någon satte eld på skolan, tänker på alla elever.",
    })
    void letsLookAlikesOfPraiseOfAnyActOnPeopleOrBuildingsPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    // praise of a vehicle driven at people, and regret that there were not more victims
    @ParameterizedTest
    @ValueSource(strings = {
        "Killen som körde på fotgängarna vid Stortorget är en hjälte 🔥",
        "Han som körde över henne på övergångsstället? Respekt. Synd bara att det inte var fler.",
    })
    void recognisesPraiseOfRunningPeopleOver(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Hon som räddade cyklisten som blev påkörd är en hjälte, respekt till henne.",
        "Bilisten som körde på cyklisten vid Rudbecksgatan dömdes i dag, hemskt för familjen.",
        "Backade över trottoarkanten med släpet, legendariskt klantigt av mig 😂",
    })
    void letsRescuesNewsAndMishapsPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }
}
