package se.kommun.moderation.classification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.classification.domain.ReceivedCommentHandler.Classified;
import se.kommun.moderation.classification.domain.ReceivedCommentHandler.Outcome;
import se.kommun.moderation.classification.domain.ReceivedCommentHandler.Rejected;
import se.kommun.moderation.classification.domain.ReceivedCommentHandler.Skipped;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.MalformedEventException;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.RawPayload;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Verb;

class ReceivedCommentHandlerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:05Z");
    private final EventCodec codec = EventCodec.instance();
    private final ReceivedCommentHandler handler = new ReceivedCommentHandler(new CommentClassifier(0.6));

    private String received(String text, Verb verb) {
        CommentReceived payload = new CommentReceived(Platform.WEB, "site", "c-1", null, null,
                new Author(null, "Anna"), text, List.of(), null, null, Instant.parse("2026-03-01T10:00:00Z"), verb,
                "k-1", RawPayload.ofBase64("00", "application/json", "e30=", "00"));
        return codec.encode(EventEnvelope.wrap(UUID.fromString("00000000-0000-0000-0000-000000000007"),
                Instant.parse("2026-03-01T10:00:01Z"), payload.commentKey().toString(), "test", payload));
    }

    @Test
    void aCommentBecomesItsEncodedClassificationKeyedByComment() {
        Outcome outcome = handler.handle(received("Mitt pnr är 811218-9876", Verb.ADDED), NOW);

        assertThat(outcome).isInstanceOfSatisfying(Classified.class, out -> {
            assertThat(out.commentKey()).isEqualTo("web:site:c-1");
            EventEnvelope<CommentClassified> event = codec.decode(out.json(), CommentClassified.class);
            assertThat(event.eventId().toString()).isEqualTo(out.eventId());
            assertThat(event.payload().route()).isEqualTo(Route.CONFIDENTIAL);
            assertThat(event.payload().sourceEventId()).isEqualTo(UUID.fromString("00000000-0000-0000-0000-000000000007"));
        });
    }

    @Test
    void theSameRecordAlwaysYieldsTheSameEventId() {
        String json = received("Tack!", Verb.EDITED);
        Classified first = (Classified) handler.handle(json, NOW);
        Classified again = (Classified) handler.handle(json, NOW.plusSeconds(60));
        assertThat(again.eventId()).isEqualTo(first.eventId());
    }

    @Test
    void changesWithoutNewTextAreSkipped() {
        assertThat(handler.handle(received("", Verb.REMOVED_BY_AUTHOR), NOW)).isSameAs(Skipped.INSTANCE);
        assertThat(handler.handle(received("Hej", Verb.HIDDEN), NOW)).isSameAs(Skipped.INSTANCE);
    }

    @Test
    void unreadableRecordsAreRejectedWithAReasonThatDoesNotQuoteThem() {
        assertThat(handler.handle("{\"eventId\": hemligt 811218-9876", NOW)).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.reason()).startsWith("not valid JSON at line 1");
            assertThat(r.reason()).doesNotContain("hemligt").doesNotContain("811218");
            assertThat(r.cause()).isInstanceOf(MalformedEventException.class);
        });
        assertThat(handler.handle(null, NOW)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).contains("empty message"));
        String wrongType = received("Hej", Verb.ADDED).replace("\"CommentReceived\"", "\"CommentClassified\"");
        assertThat(handler.handle(wrongType, NOW)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).contains("where CommentReceived was expected"));
    }

    @Test
    void theOnePassReadingIsTheCodecsReading() {
        String json = received("Hej, när öppnar biblioteket?", Verb.ADDED);
        assertThat(handler.decode(json)).isEqualTo(codec.decode(json, CommentReceived.class));
        // What the codec rejects stays rejected, with the codec's reason.
        String newer = json.replace("\"version\":1", "\"version\":2");
        assertThat(newer).isNotEqualTo(json);
        assertThat(handler.handle(newer, NOW)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).isEqualTo("CommentReceived version 2 is newer than this reader's 1"));
        String missingText = json.replace("\"verb\":\"ADDED\"", "\"verb\":null");
        assertThat(handler.handle(missingText, NOW)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).contains("verb is required"));
    }

    @Test
    void aFailureInsideTheClassifierIsRejectedByExceptionClassOnly() {
        ReceivedCommentHandler failing = new ReceivedCommentHandler((event, now) -> {
            throw new IllegalStateException("text: " + event.payload().text());
        });
        assertThat(failing.handle(received("Mitt pnr är 811218-9876", Verb.ADDED), NOW))
                .isInstanceOfSatisfying(Rejected.class, r -> {
                    assertThat(r.reason()).isEqualTo("classification failed: IllegalStateException");
                    assertThat(r.cause()).isInstanceOf(IllegalStateException.class);
                });
    }
}
