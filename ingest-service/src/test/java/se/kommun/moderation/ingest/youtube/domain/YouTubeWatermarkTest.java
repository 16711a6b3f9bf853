package se.kommun.moderation.ingest.youtube.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.RawPayload;

class YouTubeWatermarkTest {

    private static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

    private static YouTubeComment comment(String id, Instant updatedAt) {
        return new YouTubeComment(id, "v", null, null, null, "", T.minusSeconds(3600), updatedAt,
                RawPayload.ofBase64("body", "application/json", "", "fragment"));
    }

    @Test
    void beforeTheFirstPollEverythingIsNew() {
        assertThat(Watermark.NONE.isNew(comment("a", T))).isTrue();
        assertThat(Watermark.NONE.isEmpty()).isTrue();
    }

    @Test
    void aCommentAtTheWatermarkInstantIsNewOnlyIfItsIdWasNotSeenThere() {
        Watermark watermark = new Watermark(T, Set.of("a"));

        assertThat(watermark.isNew(comment("a", T))).isFalse();
        assertThat(watermark.isNew(comment("b", T))).as("same second, not yet emitted").isTrue();
        assertThat(watermark.isNew(comment("a", T.plusSeconds(1)))).as("edited later").isTrue();
        assertThat(watermark.isNew(comment("c", T.minusSeconds(1)))).isFalse();
    }

    @Test
    void includingMovesToTheNewestInstantAndKeepsOnlyItsIds() {
        Watermark watermark = new Watermark(T, Set.of("a"))
                .including(List.of(comment("b", T), comment("c", T.plusSeconds(5)), comment("d", T.plusSeconds(5)),
                        comment("e", T.plusSeconds(2))));

        assertThat(watermark).isEqualTo(new Watermark(T.plusSeconds(5), Set.of("c", "d")));
    }

    @Test
    void includingCommentsAtTheSameInstantAddsTheirIds() {
        Watermark watermark = new Watermark(T, Set.of("a")).including(List.of(comment("b", T)));

        assertThat(watermark).isEqualTo(new Watermark(T, Set.of("a", "b")));
    }

    @Test
    void includingOlderCommentsOrNothingLeavesItAsItIs() {
        Watermark watermark = new Watermark(T, Set.of("a"));

        assertThat(watermark.including(List.of(comment("z", T.minusSeconds(9))))).isEqualTo(watermark);
        assertThat(watermark.including(List.of())).isEqualTo(watermark);
        assertThat(Watermark.NONE.including(List.of())).isEqualTo(Watermark.NONE);
    }

    @Test
    void mergingNeverMovesBackAndUnitesIdsAtTheSameInstant() {
        Watermark older = new Watermark(T, Set.of("a"));
        Watermark newer = new Watermark(T.plusSeconds(1), Set.of("b"));

        assertThat(older.mergedWith(newer)).isEqualTo(newer);
        assertThat(newer.mergedWith(older)).isEqualTo(newer);
        assertThat(older.mergedWith(new Watermark(T, Set.of("c")))).isEqualTo(new Watermark(T, Set.of("a", "c")));
        assertThat(Watermark.NONE.mergedWith(older)).isEqualTo(older);
        assertThat(older.mergedWith(Watermark.NONE)).isEqualTo(older);
    }
}
