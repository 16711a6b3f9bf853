package se.kommun.moderation.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final EventCodec codec = EventCodec.instance();

    static CommentReceived received(String text) {
        return new CommentReceived(Platform.WEB, "orebro-web", "c-1", "post-9", null,
                new Author("u-1", "Anna Andersson"), text, List.of("https://example.test/a.png"),
                "https://example.test/post-9#c-1", Instant.parse("2026-03-01T10:15:30Z"),
                Instant.parse("2026-03-01T10:15:31.123456Z"), Verb.ADDED, "web:orebro-web:c-1:abc",
                RawPayload.ofBase64("ab12", "application/json", "eyJpZCI6ImMtMSJ9", "cd34"));
    }

    @Test
    void commentReceivedSurvivesARoundTrip() {
        CommentReceived payload = received("Hej! Åäö och emoji 🙂 \"citat\"");
        EventEnvelope<CommentReceived> sent = EventEnvelope.wrap(UUID.randomUUID(),
                Instant.parse("2026-03-01T10:15:32Z"), payload.commentKey().toString(), "ingest-service", payload);

        EventEnvelope<CommentReceived> read = codec.decode(codec.encode(sent), CommentReceived.class);

        assertThat(read).isEqualTo(sent);
        assertThat(read.type()).isEqualTo("CommentReceived");
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.commentKey()).isEqualTo("web:orebro-web:c-1");
    }

    @Test
    void commentClassifiedSurvivesARoundTrip() {
        CommentReceived source = received("Jag vill klaga");
        CommentClassified payload = new CommentClassified(UUID.randomUUID(), Route.COMPLAINT, "complaint",
                List.of(Route.COMPLAINT), 0.8, true, false,
                List.of(new Reason("complaint-words", Route.COMPLAINT, "complaint", 8, 14, 0.8)), "skeleton-1",
                new ClassifiedComment(source.platform(), source.accountId(), source.commentId(), source.author(),
                        source.text(), source.permalink(), source.receivedAt(), source.verb()));
        EventEnvelope<CommentClassified> sent = EventEnvelope.wrap(UUID.randomUUID(), Instant.now(),
                "web:orebro-web:c-1", "classification-service", payload);

        assertThat(codec.decode(codec.encodeToBytes(sent), CommentClassified.class)).isEqualTo(sent);
    }

    @Test
    void unknownFieldsAreToleratedForAdditiveChanges() {
        EventEnvelope<CommentReceived> sent = EventEnvelope.wrap(UUID.randomUUID(), Instant.now(),
                "web:orebro-web:c-1", "ingest-service", received("x"));
        String withExtra = codec.encode(sent).replaceFirst("\\{", "{\"addedLater\":42,");

        assertThat(codec.decode(withExtra, CommentReceived.class)).isEqualTo(sent);
    }

    @Test
    void rejectsTextThatIsNotJsonWithThePosition() {
        assertThatThrownBy(() -> codec.decode("{\"eventId\": 19850101-1234 hemligt", CommentReceived.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("line 1")
                // the message must never quote content: it may be confidential
                .hasMessageNotContaining("hemligt");
    }

    @Test
    void rejectsAMissingRequiredFieldByName() {
        String json = codec.encode(EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), "web:a:c", "ingest-service",
                received("x"))).replace("\"verb\":\"ADDED\",", "");

        assertThatThrownBy(() -> codec.decode(json, CommentReceived.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("verb is required");
    }

    @Test
    void rejectsAFieldOfTheWrongType() {
        String json = codec.encode(EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), "web:a:c", "ingest-service",
                received("x"))).replace("\"verb\":\"ADDED\"", "\"verb\":\"SHOUTED\"");

        assertThatThrownBy(() -> codec.decode(json, CommentReceived.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("field 'payload.verb'");
    }

    @Test
    void rejectsAnEventOfAnotherType() {
        String json = codec.encode(EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), "web:a:c", "ingest-service",
                received("x")));

        assertThatThrownBy(() -> codec.decode(json, CommentClassified.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("event type 'CommentReceived' where CommentClassified was expected");
    }

    @Test
    void rejectsAnEmptyMessage() {
        assertThatThrownBy(() -> codec.decode("  ", CommentReceived.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("empty message");
    }

    private EventEnvelope<CommentReceived> withRaw(RawPayload raw) {
        CommentReceived p = received("Hej");
        return EventEnvelope.wrap(UUID.randomUUID(), Instant.parse("2026-03-01T10:15:32Z"), p.commentKey().toString(),
                "ingest-service", new CommentReceived(p.platform(), p.accountId(), p.commentId(), p.postId(),
                        p.parentId(), p.author(), p.text(), p.mediaRefs(), p.permalink(), p.createdAt(),
                        p.receivedAt(), p.verb(), p.idempotencyKey(), raw));
    }

    @Test
    void theRawFragmentTravelsAsStandardBase64AndComesBackByteForByte() {
        byte[] fragment = {'{', '"', 'm', '"', ':', '"', (byte) 0xc3, (byte) 0xa5, '\\', 'u', '0', '0', 'e', '5', '"',
            '}', (byte) 0xff, (byte) 0xfe, 0};
        RawPayload raw = new RawPayload("ab12", "application/json", fragment, "cd34");

        String json = codec.encode(withRaw(raw));
        RawPayload read = codec.decode(json, CommentReceived.class).payload().raw();

        assertThat(json).contains("\"fragmentBase64\":\"" + Base64.getEncoder().encodeToString(fragment) + "\"");
        assertThat(read.fragment()).isEqualTo(fragment);
        assertThat(read).isEqualTo(raw).hasSameHashCodeAs(raw);
        assertThat(read.fragmentBase64()).isEqualTo(Base64.getEncoder().encodeToString(fragment));
    }

    @Test
    void theFragmentIsWrittenExactlyAsJacksonsOwnBase64WroteItForEveryPaddingCase() throws Exception {
        ObjectMapper plainJackson = new ObjectMapper();
        java.util.Random random = new java.util.Random(42);
        for (int length = 0; length <= 200; length++) {
            byte[] fragment = new byte[length];
            random.nextBytes(fragment);

            EventEnvelope<CommentReceived> event = withRaw(new RawPayload("ab12", "application/json", fragment, "cd34"));
            String json = codec.encode(event);

            assertThat(new String(codec.encodeToBytes(event), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(json);
            assertThat(json).as("length %d", length)
                    .contains("\"fragmentBase64\":" + plainJackson.writeValueAsString(fragment) + ",");
            assertThat(codec.decode(json, CommentReceived.class).payload().raw().fragment()).isEqualTo(fragment);
        }
    }

    @Test
    void aFragmentThatIsNotBase64IsAMalformedEvent() {
        String json = codec.encode(withRaw(new RawPayload("ab12", "application/json", new byte[] {1, 2, 3}, "cd34")))
                .replace(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}), "not*base64");

        assertThatThrownBy(() -> codec.decode(json, CommentReceived.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("fragmentBase64");
    }

    @Test
    void aRawPayloadNeitherShowsNorSharesItsFragment() {
        byte[] fragment = "personnummer 19121212-1212".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RawPayload raw = new RawPayload("ab12", "application/json", fragment, "cd34");
        fragment[0] = 'X';
        raw.fragment()[1] = 'Y';

        assertThat(raw.toString()).doesNotContain("personnummer").contains("26 bytes");
        assertThat(new String(raw.fragment(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("personnummer");
    }
}
