package se.kommun.moderation.archive.gallring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.Route;

class GallringPlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final GallringPlanner planner = new GallringPlanner(List.of(
            new RetentionRule("trivial", Route.TRIVIAL, Optional.empty(), Optional.of(Duration.ofDays(30)),
                    Optional.of("KS 2016/42 § 7")),
            new RetentionRule("questions", Route.TRIVIAL, Optional.of("question"), Optional.empty(),
                    Optional.of("KS 2016/42 § 8"))));

    private static GallringCandidate candidate(Route route, String subtype, int daysAgo, String hold) {
        Instant at = NOW.minus(Duration.ofDays(daysAgo));
        return new GallringCandidate("web:site:1", route, subtype, route == null ? null : route.name(), false, at, at, 1, hold);
    }

    @Test
    void cullsATrivialRecordOnceItsPeriodHasRun() {
        GallringPlanner.Verdict v = planner.judge(candidate(Route.TRIVIAL, null, 31, null), NOW);
        assertThat(v.culls()).isTrue();
        assertThat(v.rule().name()).isEqualTo("trivial");
        assertThat(v.reason()).contains("KS 2016/42 § 7");
    }

    @Test
    void keepsWhatIsNotDueHeldCoveredByAKeepRuleOrOfUnknownRoute() {
        assertThat(planner.judge(candidate(Route.TRIVIAL, null, 29, null), NOW).culls()).isFalse();
        GallringPlanner.Verdict held = planner.judge(candidate(Route.TRIVIAL, null, 400, "Dnr 2026/9"), NOW);
        assertThat(held.culls()).isFalse();
        assertThat(held.reason()).contains("legal hold Dnr 2026/9");
        GallringPlanner.Verdict question = planner.judge(candidate(Route.TRIVIAL, "question", 400, null), NOW);
        assertThat(question.culls()).isFalse();
        assertThat(question.rule().name()).isEqualTo("questions");
        assertThat(planner.judge(candidate(Route.COMPLAINT, null, 4000, null), NOW).reason()).contains("no retention rule");
        assertThat(planner.judge(candidate(null, null, 4000, null), NOW).reason()).contains("not classified");
        GallringCandidate pending = new GallringCandidate("web:site:2", null, null, "TRIVIAL", true, NOW.minus(Duration.ofDays(99)),
                NOW.minus(Duration.ofDays(99)), 1, null);
        assertThat(planner.judge(pending, NOW).reason()).contains("awaits human review");
    }

    @Test
    void aRuleWithoutADecisionReferenceCullsNothing() {
        GallringPlanner undecided = new GallringPlanner(List.of(new RetentionRule("trivial", Route.TRIVIAL, Optional.empty(),
                Optional.of(Duration.ofDays(1)), Optional.of(" "))));
        GallringPlanner.Verdict v = undecided.judge(candidate(Route.TRIVIAL, null, 100, null), NOW);
        assertThat(v.culls()).isFalse();
        assertThat(v.reason()).contains("no culling decision reference");
    }

    @Test
    void theRetentionPeriodRunsFromTheLatestVersion() {
        GallringCandidate edited = new GallringCandidate("web:site:3", Route.TRIVIAL, null, "TRIVIAL", false,
                NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(5)), 2, null);
        assertThat(planner.judge(edited, NOW).culls()).isFalse();
    }
}
