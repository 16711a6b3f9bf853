package se.kommun.moderation.archive.records.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.RawPayload;
import se.kommun.moderation.events.Verb;

class IntakeBatchTest {

    private static int offset;

    static IntakeBatch.Polled polled(String commentId, String text, UUID eventId) {
        byte[] raw = ("{\"id\":\"" + commentId + "\"}").getBytes(StandardCharsets.UTF_8);
        String sha = RawIntegrity.sha256Hex(raw);
        CommentReceived c = new CommentReceived(Platform.WEB, "site", commentId, null, null, new Author(null, "A"), text,
                List.of(), null, null, Instant.parse("2026-11-29T10:00:00Z"), Verb.ADDED, "k" + commentId,
                new RawPayload(sha, "application/json", raw, sha));
        String json = EventCodec.instance().encode(EventEnvelope.wrap(eventId, Instant.now(), c.commentKey().toString(), "t", c));
        return new IntakeBatch.Polled(c.commentKey().toString(), json, "comments.received", 0, offset++);
    }

    @Test
    void setsApartWhatCanNeverBeStoredAndKeepsTheRest() {
        UUID dup = UUID.randomUUID();
        IntakeBatch batch = IntakeBatch.of(List.of(
                polled("1", "Hej", dup),
                new IntakeBatch.Polled("web:site:2", "{not json", "comments.received", 0, 99),
                polled("3", "nul \u0000 byte", UUID.randomUUID()),
                polled("1", "Hej", dup),
                polled("4", "Tack", UUID.randomUUID())));
        // U+0000 is no reason to refuse a comment: it is stored as U+FFFD beside its raw bytes.
        assertThat(batch.accepted()).extracting(a -> a.event().payload().commentId()).containsExactly("1", "3", "4");
        assertThat(batch.rejected()).extracting(IntakeBatch.Rejected::reason)
                .singleElement().satisfies(r -> assertThat(r).contains("not valid JSON"));
    }

    @Test
    void versionsFollowTheHighestStoredAndSkipStoredEvents() {
        UUID stored = UUID.randomUUID();
        IntakeBatch batch = IntakeBatch.of(List.of(polled("1", "a", stored), polled("1", "b", UUID.randomUUID()),
                polled("1", "c", UUID.randomUUID()), polled("2", "x", UUID.randomUUID())));
        List<IntakeBatch.Versioned> versions = IntakeBatch.version(batch.accepted(), Set.of(stored), Map.of("web:site:1", 4));
        assertThat(versions).extracting(IntakeBatch.Versioned::version).containsExactly(5, 6, 1);
    }
}
