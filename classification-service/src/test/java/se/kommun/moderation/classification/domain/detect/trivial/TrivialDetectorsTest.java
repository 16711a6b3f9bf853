package se.kommun.moderation.classification.domain.detect.trivial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.classification.domain.detect.DetectorFixture;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.detect.confidential.PersonnummerDetector;
import se.kommun.moderation.events.Route;

class TrivialDetectorsTest {

    private final SpamDetector spam = new SpamDetector(DetectorFixture.RULES);
    private final GratitudeDetector gratitude = new GratitudeDetector(DetectorFixture.RULES);
    private final QuestionDetector question = new QuestionDetector(DetectorFixture.RULES);
    private final MinorContentDetector minor = new MinorContentDetector(DetectorFixture.RULES,
            new PersonnummerDetector());

    private static List<String> subtypes(List<Finding> findings) {
        return findings.stream().map(Finding::subtype).toList();
    }

    @Test
    void recognisesSpam() {
        assertThat(DetectorFixture.score(spam, "Tjäna 5000 kr om dagen hemifrån!! Klicka på länken i min profil",
                Route.TRIVIAL)).isGreaterThanOrEqualTo(0.7);
        assertThat(DetectorFixture.score(spam, "Great post! Visit cheap-pharmacy-online[.]xyz", Route.TRIVIAL))
                .isGreaterThanOrEqualTo(0.7);
        assertThat(DetectorFixture.score(spam, "Säljer barnvagn, fint skick, 500 kr. PM:a!", Route.TRIVIAL))
                .isGreaterThanOrEqualTo(0.7);
        assertThat(DetectorFixture.run(spam, "Fint väder idag")).isEmpty();
    }

    @Test
    void recognisesThanksButNotALongStoryEndingInThanks() {
        assertThat(DetectorFixture.score(gratitude, "Stort tack till personalen på Eyrabadet!", Route.TRIVIAL))
                .isGreaterThanOrEqualTo(0.7);
        String story = "Åh vad den här bilden väcker minnen. " + "Vi gick dit varje lördag och köpte bullar. ".repeat(5)
                + "Tack för att ni lägger upp sånt här.";
        assertThat(DetectorFixture.run(gratitude, story)).isEmpty();
    }

    @Test
    void recognisesQuestionsToTheMunicipalityButNotBetweenReaders() {
        assertThat(subtypes(DetectorFixture.run(question, "Har stadsbiblioteket öppet på påskafton?")))
                .containsExactly("question");
        assertThat(subtypes(DetectorFixture.run(question, "snyggt foto! vem tog det?"))).containsExactly("chatter");
        assertThat(subtypes(DetectorFixture.run(question, "@Mattias Öberg ska vi gå dit på lördag?")))
                .containsExactly("chatter");
        assertThat(subtypes(DetectorFixture.run(question, "Vem ska jag kontakta om bygglov?")))
                .containsExactly("question");
        assertThat(DetectorFixture.run(question, "Vilken fin julbelysning i år 😍")).isEmpty();
    }

    @Test
    void recognisesCommentsWithoutContent() {
        assertThat(subtypes(DetectorFixture.run(minor, "👏👏👏"))).containsExactly("emoji");
        assertThat(subtypes(DetectorFixture.run(minor, "?"))).containsExactly("other");
        assertThat(subtypes(DetectorFixture.run(minor, "fel tråd, sorry 🙈"))).containsExactly("other");
        assertThat(subtypes(DetectorFixture.run(minor, "Numret i exempelbilden (850709-1235) ser riktigt ut")))
                .containsExactly("other");
        assertThat(DetectorFixture.run(minor, "Bra jobbat!")).isEmpty();
    }
}
