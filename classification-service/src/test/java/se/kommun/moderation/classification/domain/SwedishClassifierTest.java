package se.kommun.moderation.classification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.kommun.moderation.classification.domain.detect.DetectorFixture;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

class SwedishClassifierTest {

    private final SwedishClassifier classifier = new SwedishClassifier(DetectorFixture.RULES);

    @Test
    void aPersonnummerIsConfidentialWithItsSpan() {
        String text = "Min son har pnr 20200314-5626 och inget placeringsbesked";
        Verdict verdict = classifier.classify(text);
        assertThat(verdict.route()).isEqualTo(Route.CONFIDENTIAL);
        assertThat(verdict.subtype()).isEqualTo("personal_id");
        assertThat(verdict.needsResponse()).isTrue();
        assertThat(verdict.reasons()).anySatisfy(reason ->
                assertThat(text.substring(reason.start(), reason.end())).isEqualTo("20200314-5626"));
    }

    @Test
    void aThreatInsideAComplaintIsCriminalAndBothAreFlagged() {
        Verdict verdict = classifier.classify("Om inte min gata är plogad ikväll är det under all kritik, "
                + "då kommer jag ner till stadshuset med en kofot och då blir det inte trevligt för receptionen");
        assertThat(verdict.route()).isEqualTo(Route.CRIMINAL);
        assertThat(verdict.subtype()).isEqualTo("threat");
        assertThat(verdict.flags()).contains(Route.CRIMINAL, Route.COMPLAINT);
        assertThat(verdict.needsResponse()).isFalse();
    }

    @Test
    void everySpanOfAnObfuscatedThreatPointsIntoTheOriginal() {
        String text = "ni på soc ska d0 allihopa, jag har ett g3v4r hemma 🔫";
        Verdict verdict = classifier.classify(text);
        assertThat(verdict.route()).isEqualTo(Route.CRIMINAL);
        assertThat(verdict.reasons()).extracting(r -> text.substring(r.start(), r.end()))
                .contains("d0", "ni", "g3v4r");
        for (Reason reason : verdict.reasons()) {
            assertThat(reason.end()).isLessThanOrEqualTo(text.length());
        }
    }

    @Test
    void spacedOutHateSpeechIsFoundAndItsSpanCoversTheSpacedWord() {
        String text = "a l l a  a r a b e r  ä r  d j u r";
        Verdict verdict = classifier.classify(text);
        assertThat(verdict.route()).isEqualTo(Route.CRIMINAL);
        assertThat(verdict.subtype()).isEqualTo("hate_speech");
        assertThat(verdict.reasons()).extracting(r -> text.substring(r.start(), r.end())).contains("d j u r");
    }

    @Test
    void idiomsWithViolentWordsAreTrivial() {
        assertThat(classifier.classify("Haha jag dör av skratt 😂").route()).isEqualTo(Route.TRIVIAL);
        assertThat(classifier.classify("Jag kunde döda för en kaffe just nu").route()).isEqualTo(Route.TRIVIAL);
    }

    @Test
    void complaintsAreRegisteredAndAnswered() {
        Verdict verdict = classifier.classify("Mitt bygglovsärende BN 2024/0871 har legat hos er sedan i mars. Vad händer?");
        assertThat(verdict.route()).isEqualTo(Route.COMPLAINT);
        assertThat(verdict.subtype()).isEqualTo("ongoing_case");
        assertThat(verdict.needsResponse()).isTrue();
    }

    @Test
    void questionsAreTrivialAndAnsweredThanksAreNot() {
        Verdict question = classifier.classify("Har stadsbiblioteket öppet på påskafton?");
        assertThat(question.route()).isEqualTo(Route.TRIVIAL);
        assertThat(question.subtype()).isEqualTo("question");
        assertThat(question.needsResponse()).isTrue();

        Verdict thanks = classifier.classify("Tack för snabb snöröjning i morse! 👏");
        assertThat(thanks.subtype()).isEqualTo("thanks");
        assertThat(thanks.needsResponse()).isFalse();
        assertThat(thanks.confidence()).isBetween(0.6, 1.0);
    }

    @Test
    void theMunicipalitysOwnNumbersAreNotPersonalData() {
        assertThat(classifier.classify("Vart ringer man? Är det 019-21 10 00 som gäller?").route())
                .isEqualTo(Route.TRIVIAL);
        assertThat(classifier.classify("Betalningar från org.nr 212000-1967 saknar referens").route())
                .isNotEqualTo(Route.CONFIDENTIAL);
    }

    @Test
    void emptyAndOddTextIsHandled() {
        assertThat(classifier.classify("").route()).isEqualTo(Route.TRIVIAL);
        assertThat(classifier.classify("\u200B\u200B").route()).isEqualTo(Route.TRIVIAL);
        assertThat(classifier.classify("👍").subtype()).isEqualTo("emoji");
        assertThat(classifier.classify("*".repeat(500) + "a").route()).isEqualTo(Route.TRIVIAL);
    }

    @Test
    void aNamedPupilsSchoolSituationBeatsTheComplaintAroundIt() {
        Verdict verdict = classifier.classify(
                "Min son Viktor i 3C har fortfarande inte fått någon utredning fast skolan lovade det i våras");
        assertThat(verdict.route()).isEqualTo(Route.CONFIDENTIAL);
        assertThat(verdict.subtype()).isEqualTo("school");
        assertThat(verdict.flags()).contains(Route.CONFIDENTIAL, Route.COMPLAINT);
    }

    @Test
    void aComplaintPutAsAQuestionIsAComplaintAndANeutralQuestionIsNot() {
        Verdict complaint = classifier.classify("Varför har ingen tömt papperskorgarna i Stadsparken på en vecka?");
        assertThat(complaint.route()).isEqualTo(Route.COMPLAINT);
        assertThat(complaint.needsResponse()).isTrue();
        Verdict question = classifier.classify("När öppnar biblioteket på lördagar?");
        assertThat(question.route()).isEqualTo(Route.TRIVIAL);
        assertThat(question.subtype()).isEqualTo("question");
    }
}
