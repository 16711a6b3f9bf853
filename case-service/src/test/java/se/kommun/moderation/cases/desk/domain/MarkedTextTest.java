package se.kommun.moderation.cases.desk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.cases.desk.domain.MarkedText.Part;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

class MarkedTextTest {

    private static Reason reason(String detector, int start, int end) {
        return new Reason(detector, Route.CRIMINAL, "threat", start, end, 0.5);
    }

    @Test
    void cutsTheTextAtEverySpanAndJoinsOverlapsNamingEachDetector() {
        String text = "Jag vet var du bor nu";
        List<Part> parts = MarkedText.of(text, List.of(reason("a", 4, 11), reason("b", 8, 18)));
        assertThat(parts).containsExactly(new Part("Jag ", ""), new Part("vet ", "a"), new Part("var", "a, b"),
                new Part(" du bor", "b"), new Part(" nu", ""));
        assertThat(String.join("", parts.stream().map(Part::text).toList())).isEqualTo(text);
    }

    @Test
    void aSpanOutsideTheTextOrThroughASurrogatePairIsKeptWithinIt() {
        String text = "Hot \uD83D\uDD2A!";
        assertThat(MarkedText.of(text, List.of(reason("knife", 5, 40))))
                .containsExactly(new Part("Hot ", ""), new Part("\uD83D\uDD2A!", "knife"));
        assertThat(ClassifierReasons.spanOf(text, reason("knife", 4, 5))).isEqualTo("\uD83D\uDD2A");
        assertThat(ClassifierReasons.spanOf(text, reason("late", 90, 95))).isNull();
        assertThat(ClassifierReasons.spanOf(null, reason("culled", 0, 3))).isNull();
        assertThat(MarkedText.of(null, List.of(reason("culled", 0, 3)))).isEmpty();
    }

    @Test
    void reasonsSurviveTheirStorageUnchanged() {
        List<Reason> reasons = List.of(reason("threat.veiled", 2, 9),
                new Reason("trivial.greeting", Route.TRIVIAL, null, 0, 3, 0.25));
        assertThat(ClassifierReasons.read(ClassifierReasons.write(reasons))).isEqualTo(reasons);
        assertThat(ClassifierReasons.read("[]")).isEmpty();
    }
}
