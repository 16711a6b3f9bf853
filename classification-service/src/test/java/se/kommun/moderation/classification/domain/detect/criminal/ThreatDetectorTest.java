package se.kommun.moderation.classification.domain.detect.criminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kommun.moderation.classification.domain.detect.DetectorFixture;
import se.kommun.moderation.events.Route;

class ThreatDetectorTest {

    private final ThreatDetector detector = new ThreatDetector(DetectorFixture.RULES);

    private double score(String text) {
        return DetectorFixture.score(detector, text, Route.CRIMINAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Jag ska döda dig",
        "Handläggaren på bygglov ska jag knivhugga när han går hem",
        "ni på soc ska dö allihopa",
        "Politikern som röstade ja ska få en kula i huvudet",
        "Om ni bygger boendet så bränner vi ner det. Det lovar jag.",
        "Vi vet var du bor. Tänk på det.",
        "Din familj får betala priset. Du är härmed varnad.",
        "Det är dags att någon skjuter ihjäl rektorn",
        "j a g  s k a  d ö d a  e r  a l l a",
        "ni på soc ska d0 allihopa, jag har ett g3v4r hemma",
        "jag ska sp\u200Bränga hela stadshuset i luften",
        "I know where the social worker who took my kids lives. She is not safe anymore.",
    })
    void recognisesThreats(String text) {
        assertThat(score(text)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Haha jag dör av skratt",
        "döda mig nu, måndag igen",
        "Nu ska jag mörda den här semlan",
        "Jag skulle kunna döda för en kaffe",
        "Den nya rondellen är mördande snygg",
        "Vi måste skjuta upp mötet till nästa vecka",
        "Det här förslaget kommer att döda handeln i centrum",
        "Man döms för olaga hot mot handläggare",
        "vill ni ha stryk eller? vi tar er i korpen",
        "🔪🥩🔥",
        "Kommunalrådet är en inkompetent clown som borde avgå",
    })
    void letsIdiomsAndHarmlessObjectsPass(String text) {
        assertThat(score(text)).isLessThan(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Jag vet var du bor. Ha de så kul med det i helgen.",
        "Vi väntar på dig vid personalingången när du slutar 😈",
        "Vi väntar på er efter stängning, välkomna 🔪",
        "Vore synd om något hände med din bil, bara så du vet",
        "Det vore ju synd om något hände med barnen på vägen hem",
        "Till handläggaren som nekade min pappa hemtjänst: vi vet var du bor.",
        "Rektorn som underkände min son, vi väntar på dig vid entrén.",
        "Vi vet var ni bor. Annars får ni se.",
        "D ö d e n  v ä n t a r  p å  e r  p o l i t i k e r",
    })
    void countsWeakMenacePhrasesInMenaceCompany(String text) {
        assertThat(score(text)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Vi väntar på dig vid entrén klockan 18, välkommen!",
        "Vi väntar på er vid scenen, välkomna på lördag!",
        "Tomten väntar på er vid torget kl 15 på julafton 🎅",
        "Jag vet var du bor ungefär, vi är grannar",
        "Ja vet var du bor, du bor ju bredvid mig, kom över på kaffe sen ☕",
        "Vi vet var ni bor nu, tack för att ni skickade adressändringen",
        "Det vore synd om något hände med eken i parken, den är 300 år gammal",
        "Vore synd om festen blev inställd på grund av vädret",
        "Det vore ju synd om något skulle hända med konstverket vid rondellen",
        "Vi väntar på er vid skjutbanan på prova-på dagen, välkomna 🎯",
        "Sista varningen från mig: fixa gropen innan någon cykel går sönder",
        "Jag ska döda den där mördarsnigeln i trädgården",
        "Det där förslaget borde skjutas i sank direkt",
    })
    void letsInvitationsNeighboursAndThingsPass(String text) {
        assertThat(score(text)).isLessThan(0.7);
    }

    @Test
    void explainsWithSpansOfHarmTargetAndIntent() {
        String text = "Jag ska döda dig";
        assertThat(DetectorFixture.spans(detector, text)).contains("döda", "dig", "Jag ska");
    }

    @Test
    void aWeaponAloneIsNoThreat() {
        assertThat(score("Kniven från IKEA är bra")).isZero();
    }

    // veiled threats: inverted "så är du död", the body found, ultimatum, "illa för dig" with words between
    @ParameterizedTest
    @ValueSource(strings = {
        "Om jag möter dig i korridoren igen så är du död",
        "Det vore synd om någon hittar dig i ett dike en morgon, Per",
        "Du har tre dagar på dig att riva beslutet, annars kommer jag",
        "Det här kan sluta väldigt illa för dig, tro mig",
    })
    void recognisesVeiledThreatsWithoutViolentWords(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    // negative of the same family
    @ParameterizedTest
    @ValueSource(strings = {
        "Är du död eller? Har inte sett dig på gymmet på evigheter 😂",
        "Jag hämtar dig vid stationen kl 5 så åker vi till mötet",
        "Hälsa din fru från oss i kören!",
    })
    void passesVeiledThreatsWithoutViolentWords(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "en gång till så bryter jag nacken av dig",
        "Jag knäcker nacken på dig om du kommer hit igen",
        "sätter en kula i skallen på nästa byggnadsinspektör",
        "Vi ska dränka dig i sjön",
        "jag klår upp dig när du går hem",
        "Jag häller syra på dig nästa gång",
        "Tänk på hur lätt det är att ta sig in i ditt hus när du sover",
        "Jag skulle inte gå ensam till bilen om jag var du",
        "Det vore synd om något händer dina barn",
        "Du kommer inte känna igen dig själv efteråt, vi ses snart",
        "Jag har köpt en yxa och den har ditt namn på sig",
        "Your family won't be safe if this decision stands",
        "d4 sk4 du f4n få se, j4g h4r k0ll på dig",
    })
    void recognisesHarmFamiliesAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Stormen bröt nacken av flaggstången vid skolan",
        "Brandvarnaren kan rädda ditt liv när du sover",
        "Jag skulle inte gå ensam genom parken om jag var du, lamporna är trasiga",
        "Min telefon har ditt namn på sig haha",
        "Jag vet inte vad jag gör med alla löv i trädgården",
        "Mördarsniglarna tar död på hela min trädgård",
        "Om något händer med bussen igen får ni skylla er själva",
    })
    void ignoresNegativesOfHarmFamiliesAfterSet5(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    // after unseen-set-6: knowing someone's private life + a warning; harm outcomes that imply violence
    @ParameterizedTest
    @ValueSource(strings = {
        "Vi vet vilken bil du kör. Tänk på det.",
        "jag vet var din son tränar på tisdagar, vore synd om något hände",
        "Ändra beslutet annars går du hem utan tänder",
        "Säg upp dig själv, annars blir det din sista dag",
    })
    void recognisesKnowledgeWithAWarningAndImpliedHarm(String text) {
        assertThat(score(text)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Jag vet vilken skola min dotter ska börja i, tänk på det när ni drar busslinjerna",
        "Skjut inte på upprustningen av skolgården en gång till",
        "Ni sköt ju upp beslutet om simhallen igen",
        "Grattis Kerstin, idag var din sista dag innan pensionen!",
        "Tänk på det innan ni röstar i höst",
    })
    void passesOwnKnowledgePostponementAndFarewells(String text) {
        assertThat(score(text)).isLessThan(0.7);
    }

    // unseen-set-8 family: veiled threats built from several weak phrases that add up
    @ParameterizedTest
    @ValueSource(strings = {
        "Socialsekreteraren hämtar sina barn på fritids varje dag. Det vore ju synd om något hände på vägen hem, jag säger bara det.",
        "Rektorn borde inte gå ensam till bussen efter mötet. Mer än så behöver jag inte säga, han förstår nog.",
        "Jag har skrivit upp era namn i nämnden. Den dagen det smäller ska ni inte säga att ni inte blev varnade.",
        "stänger ni badet så kommer vi och hälsar på i kommunhuset, ta med er västar 🔪",
        "to the parking warden on Storgatan: next time I'll be waiting outside with a baseball bat, not joking",
        "you better watch your back at the next council meeting",
    })
    void recognisesVeiledThreatsWhosePhrasesAddUp(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Det vore ju synd om något hände med lindarna i allén, de är över hundra år gamla.",
        "Polisen råder alla att inte gå ensam till parkeringen sent på kvällen efter konserten.",
        "Vi kommer och hälsar på i stadshuset på öppet hus, barnen längtar!",
        "Jag hämtar mina barn på förskolan kl 16 varje dag och bussen är alltid sen.",
        "next time I'll bring my own bags, not joking, the shop was out of them",
        "Jag har skrivit upp namnen på alla som vill vara med i kören.",
    })
    void letsSimilarEverydayWordsPass(String text) {
        assertThat(DetectorFixture.score(detector, text, Route.CRIMINAL)).isLessThan(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Till dig på miljökontoret: jag vet vilken lägenhet du bor i på Norrgatan. Sov gott.",
        "Jag vet vilken förskola din dotter går på, rektorn. Tänk dig för.",
        "To the councillor who voted for the closure: I know which school your daughter goes to.",
        "Stänger ni fritidsgården så kommer vi och hälsar på socialchefen hemma en natt. Vi kommer inte ensamma.",
        "vi e sex st som väntar på dig utanför stadshuset när du slutar",
        "Parkeringsvakten ska ta med tänderna hem i en påse efter nästa lapp.",
        "rektorn ska få en k.u.l.a i skallen snart",
        "jag ska s-k-j-u-t-a den där politikern",
        "Jag knyter repet själv åt hela kommunstyrelsen.",
        "Nästa gång har jag med mig något som får er att lyssna, ni får skylla er själva för vad som händer.",
    })
    void recognisesPrivateKnowledgeVisitAndMaskedStructures(String text) {
        assertThat(score(text)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sov gott alla och tack för en fin konsert ikväll!",
        "Jag vet vilken skola min son ska börja i till hösten.",
        "Morfar kommer och hälsar på oss hemma i helgen.",
        "Jag kommer inte ensam till mötet, min fru följer med.",
        "Ni får skylla er själva för vad som händer med budgeten om ni inte lyssnar.",
        "Laget sköt fyra mål i pannan på motståndarna, tidsfråga innan vi vinner serien.",
    })
    void letsLookAlikesOfPrivateKnowledgeVisitAndMaskedStructuresPass(String text) {
        assertThat(score(text)).isLessThan(0.7);
    }

    // knowing who the target is or their routine, with a closer, a meeting or harm promised
    @ParameterizedTest
    @ValueSource(strings = {
        "vi vet vem du är. vi ses ute snart 🩸",
        "Vi vet vilka ni är på bygglov, ni kmr blöda för det här",
        "Jag vet att du slutar kl 17 på torsdagar och var du ställer bilen. Njut av kvällen medan du kan.",
        "du ska få en k u l a i pannan",
        "ska få en k u l a i huvet den jäveln på soc",
    })
    void recognisesKnowledgeAndOutcomesAimedAtSomeone(String text) {
        assertThat(score(text)).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Vi vet vem du är Anna, tack för att du hjälpte oss med ansökan!",
        "Jag vet att du jobbar hårt, tack för all hjälp. Njut av helgen!",
        "Jag vet att du slutar kl 16 på fredagar, kan vi ses 15.30 i stället?",
        "Knät började blöda när jag ramlade på den isiga trappan vid skolan.",
    })
    void letsFriendlyKnowledgeAndOwnInjuriesPass(String text) {
        assertThat(score(text)).isLessThan(0.7);
    }
}
