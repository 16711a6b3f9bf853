package se.kommun.moderation.ingest.youtube.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.CommentQuarantined;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.RawPayload;
import se.kommun.moderation.events.Verb;

class YouTubeCommentEventsTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-11-29T10:05:00Z");
    private static final RawPayload RAW = RawPayload.ofBase64("bodysha", "application/json", "e30=", "fragsha");

    private static YouTubeComment reply(Instant updatedAt) {
        return new YouTubeComment("Ugz.r1", "vid-1", "Ugz", "UCanna", "Anna", "Håller med", PUBLISHED, updatedAt, RAW);
    }

    @Test
    void aReplyBecomesTheSameEventAsAWebhookWould() {
        EventEnvelope<CommentReceived> event = YouTubeCommentEvents.received("UCkommun", reply(PUBLISHED), RECEIVED);

        CommentReceived comment = event.payload();
        assertThat(comment.platform()).isEqualTo(Platform.YOUTUBE);
        assertThat(comment.accountId()).isEqualTo("UCkommun");
        assertThat(comment.commentId()).isEqualTo("Ugz.r1");
        assertThat(comment.postId()).isEqualTo("vid-1");
        assertThat(comment.parentId()).isEqualTo("Ugz");
        assertThat(comment.author()).isEqualTo(new Author("UCanna", "Anna"));
        assertThat(comment.text()).isEqualTo("Håller med");
        assertThat(comment.mediaRefs()).isEmpty();
        assertThat(comment.permalink()).isEqualTo("https://www.youtube.com/watch?v=vid-1&lc=Ugz.r1");
        assertThat(comment.createdAt()).isEqualTo(PUBLISHED);
        assertThat(comment.receivedAt()).isEqualTo(RECEIVED);
        assertThat(comment.verb()).isEqualTo(Verb.ADDED);
        assertThat(comment.idempotencyKey()).isEqualTo("youtube:Ugz.r1:2026-11-29T10:00:00Z");
        assertThat(comment.raw()).isEqualTo(RAW);
        assertThat(event.commentKey()).isEqualTo("youtube:UCkommun:Ugz.r1");
        assertThat(event.type()).isEqualTo("CommentReceived");
        assertThat(event.eventId()).isEqualTo(EventIds.derive("CommentReceived", "youtube:Ugz.r1:2026-11-29T10:00:00Z"));
    }

    @Test
    void aLaterUpdatedAtIsAnEditWithItsOwnKey() {
        Instant edited = PUBLISHED.plusSeconds(90);

        EventEnvelope<CommentReceived> original = YouTubeCommentEvents.received("UCkommun", reply(PUBLISHED), RECEIVED);
        EventEnvelope<CommentReceived> edit = YouTubeCommentEvents.received("UCkommun", reply(edited), RECEIVED);

        assertThat(edit.payload().verb()).isEqualTo(Verb.EDITED);
        assertThat(edit.payload().createdAt()).isEqualTo(PUBLISHED);
        assertThat(edit.payload().idempotencyKey()).isEqualTo("youtube:Ugz.r1:2026-11-29T10:01:30Z");
        assertThat(edit.eventId()).isNotEqualTo(original.eventId());
        assertThat(edit.commentKey()).isEqualTo(original.commentKey());
    }

    @Test
    void theSameVersionPolledAgainIsTheSameEvent() {
        EventEnvelope<CommentReceived> first = YouTubeCommentEvents.received("UCkommun", reply(PUBLISHED), RECEIVED);
        EventEnvelope<CommentReceived> later = YouTubeCommentEvents.received("UCkommun", reply(PUBLISHED),
                RECEIVED.plusSeconds(3600));

        assertThat(later.eventId()).isEqualTo(first.eventId());
    }

    @Test
    void aCommentOnTheChannelItselfHasNoPermalink() {
        YouTubeComment onChannel = new YouTubeComment("Ugc", null, null, null, null, "", PUBLISHED, PUBLISHED, RAW);

        assertThat(YouTubeCommentEvents.received("UCkommun", onChannel, RECEIVED).payload().permalink()).isNull();
    }

    @Test
    void anUnmappableObjectIsQuarantinedWholeUnderAStableRequestId() {
        byte[] fragment = "{\"snippet\":{}}".getBytes(StandardCharsets.UTF_8);
        UnmappableComment unmappable = new UnmappableComment("items.0.snippet.topLevelComment has no id", fragment);

        EventEnvelope<CommentQuarantined> event = YouTubeCommentEvents.quarantined("UCkommun", unmappable, RECEIVED);
        EventEnvelope<CommentQuarantined> again = YouTubeCommentEvents.quarantined("UCkommun", unmappable,
                RECEIVED.plusSeconds(60));

        assertThat(event.payload().platform()).isEqualTo(Platform.YOUTUBE);
        assertThat(event.payload().reason()).isEqualTo("items.0.snippet.topLevelComment has no id");
        assertThat(Base64.getDecoder().decode(event.payload().bodyBase64())).isEqualTo(fragment);
        assertThat(event.commentKey()).startsWith("youtube:UCkommun:quarantine-");
        assertThat(again.eventId()).isEqualTo(event.eventId());
    }
}
