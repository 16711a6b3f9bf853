package se.kommun.moderation.ingest.youtube.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.ingest.youtube.support.CommentThreadsJson;
import se.kommun.moderation.ingest.youtube.support.CommentThreadsJson.Comment;
import se.kommun.moderation.ingest.youtube.support.CommentThreadsJson.Thread;

class YouTubeResponseParserTest {

    private static final String CHANNEL = "UCkommun";

    private final YouTubeResponseParser parser = new YouTubeResponseParser();

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void readsTopLevelCommentsAndEmbeddedRepliesWithTheirExactBytes() throws Exception {
        Comment top = Comment.top("Ugx-top", CHANNEL, "vid1", "Tack för snöröjningen! åäö 🙂", "2026-11-29T10:00:00Z",
                "2026-11-29T10:00:00Z");
        Comment reply = Comment.reply("Ugx-top.r1", top, "Håller med", "2026-11-29T10:05:00Z",
                "2026-11-29T10:06:00Z");
        byte[] body = CommentThreadsJson.threadPage("next-1", Thread.of(top, reply)).getBytes(StandardCharsets.UTF_8);

        ThreadPage page = parser.parseThreads(body);

        assertThat(page.nextPageToken()).isEqualTo("next-1");
        assertThat(page.unmappable()).isEmpty();
        assertThat(page.threads()).containsExactly(
                new CommentThread("Ugx-top", "vid1", Instant.parse("2026-11-29T10:06:00Z"), 1, false));
        assertThat(page.comments()).hasSize(2);

        YouTubeComment first = page.comments().get(0);
        assertThat(first.commentId()).isEqualTo("Ugx-top");
        assertThat(first.parentId()).isNull();
        assertThat(first.videoId()).isEqualTo("vid1");
        assertThat(first.text()).isEqualTo("Tack för snöröjningen! åäö 🙂");
        assertThat(first.authorChannelId()).isEqualTo("UCauthor-Ugx-top");
        assertThat(first.authorDisplayName()).isEqualTo("Författare Ugx-top");
        assertThat(first.isEdited()).isFalse();

        YouTubeComment second = page.comments().get(1);
        assertThat(second.parentId()).isEqualTo("Ugx-top");
        assertThat(second.isEdited()).isTrue();

        for (YouTubeComment comment : page.comments()) {
            byte[] fragment = Base64.getDecoder().decode(comment.raw().fragmentBase64());
            assertThat(comment.raw().bodySha256()).isEqualTo(sha256(body));
            assertThat(comment.raw().fragmentSha256()).isEqualTo(sha256(fragment));
            assertThat(comment.raw().contentType()).isEqualTo("application/json");
            // The fragment is a verbatim slice of the body, and it is that comment's object.
            assertThat(new String(body, StandardCharsets.UTF_8)).contains(new String(fragment, StandardCharsets.UTF_8));
            JsonNode object = new ObjectMapper().readTree(fragment);
            assertThat(object.path("kind").asText()).isEqualTo("youtube#comment");
            assertThat(object.path("id").asText()).isEqualTo(comment.commentId());
        }
    }

    @Test
    void fallsBackToTextDisplayAndTheThreadForMissingFields() throws Exception {
        // textOriginal is only returned to the author or owner; a reply may omit videoId and parentId.
        String body = """
                {"kind":"youtube#commentThreadListResponse","items":[{"kind":"youtube#commentThread","id":"T1",
                 "snippet":{"channelId":"UCkommun","videoId":"vid9","totalReplyCount":1,
                  "topLevelComment":{"kind":"youtube#comment","id":"T1","snippet":{"textDisplay":"visad text",
                   "authorDisplayName":"Anna","publishedAt":"2026-11-29T10:00:00.123456789Z"}}},
                 "replies":{"comments":[{"kind":"youtube#comment","id":"T1.r","snippet":{"textDisplay":"svar",
                   "publishedAt":"2026-11-29T11:00:00+01:00","updatedAt":"2026-11-29T10:30:00Z"}}]}}]}
                """;

        ThreadPage page = parser.parseThreads(body.getBytes(StandardCharsets.UTF_8));

        YouTubeComment top = page.comments().get(0);
        assertThat(top.text()).isEqualTo("visad text");
        assertThat(top.authorChannelId()).isNull();
        assertThat(top.publishedAt()).as("stored with microseconds").isEqualTo(Instant.parse("2026-11-29T10:00:00.123456Z"));
        assertThat(top.updatedAt()).as("never edited").isEqualTo(top.publishedAt());
        YouTubeComment reply = page.comments().get(1);
        assertThat(reply.parentId()).isEqualTo("T1");
        assertThat(reply.videoId()).isEqualTo("vid9");
        assertThat(reply.publishedAt()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(reply.isEdited()).isTrue();
        assertThat(page.nextPageToken()).isNull();
    }

    @Test
    void marksThreadsWhoseRepliesAreNotAllEmbedded() throws Exception {
        Comment top = Comment.top("T2", CHANNEL, "v", "x", "2026-11-29T10:00:00Z", "2026-11-29T10:00:00Z");
        Comment reply = Comment.reply("T2.a", top, "y", "2026-11-29T10:01:00Z", "2026-11-29T10:01:00Z");
        byte[] body = CommentThreadsJson.threadPage(null, new Thread(top, List.of(reply), 7))
                .getBytes(StandardCharsets.UTF_8);

        CommentThread thread = parser.parseThreads(body).threads().get(0);

        assertThat(thread.repliesIncomplete()).isTrue();
        assertThat(thread.totalReplyCount()).isEqualTo(7);
    }

    @Test
    void setsAsideACommentWithoutIdOrTimestampsAndKeepsTheRest() throws Exception {
        String body = """
                {"kind":"youtube#commentThreadListResponse","items":[
                 {"id":"A","snippet":{"topLevelComment":{"id":"A","snippet":{"textDisplay":"utan tid"}}}},
                 {"id":"B","snippet":{"topLevelComment":{"snippet":{"publishedAt":"2026-11-29T10:00:00Z"}}}},
                 {"id":"C","snippet":{"topLevelComment":{"id":"C","snippet":{"publishedAt":"igår"}}}},
                 {"id":"D","snippet":{"topLevelComment":{"id":"D","snippet":{"publishedAt":"2026-11-29T10:00:00Z"}}}},
                 {"id":"E","snippet":{}}]}
                """;

        ThreadPage page = parser.parseThreads(body.getBytes(StandardCharsets.UTF_8));

        assertThat(page.comments()).extracting(YouTubeComment::commentId).containsExactly("D");
        assertThat(page.unmappable()).extracting(UnmappableComment::reason).containsExactly(
                "items.0.snippet.topLevelComment has no snippet.publishedAt",
                "items.1.snippet.topLevelComment has no id",
                "items.2.snippet.topLevelComment has an unreadable publishedAt or updatedAt",
                "items.4 has no snippet.topLevelComment object");
        assertThat(new String(page.unmappable().get(0).fragment(), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"A\",\"snippet\":{\"textDisplay\":\"utan tid\"}}");
        assertThat(new String(page.unmappable().get(3).fragment(), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"E\",\"snippet\":{}}");
        assertThat(page.unmappable()).allSatisfy(u -> assertThat(u.reason()).doesNotContain("utan tid", "igår"));
    }

    @Test
    void readsACommentsListPageOfReplies() throws Exception {
        Comment top = Comment.top("P", CHANNEL, "vid", "x", "2026-11-29T10:00:00Z", "2026-11-29T10:00:00Z");
        byte[] body = CommentThreadsJson.replyPage("more",
                Comment.reply("P.1", top, "ett", "2026-11-29T10:01:00Z", "2026-11-29T10:01:00Z"),
                Comment.reply("P.2", top, "två", "2026-11-29T10:02:00Z", "2026-11-29T10:02:00Z"))
                .getBytes(StandardCharsets.UTF_8);

        ReplyPage page = parser.parseReplies(body, "P", "vid");

        assertThat(page.comments()).extracting(YouTubeComment::commentId).containsExactly("P.1", "P.2");
        assertThat(page.comments()).allSatisfy(reply -> assertThat(reply.parentId()).isEqualTo("P"));
        assertThat(page.nextPageToken()).isEqualTo("more");
    }

    @Test
    void refusesAResponseThatIsNotAListResponse() {
        assertThatThrownBy(() -> parser.parseThreads("<html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedResponseException.class).hasMessage("the response is not well-formed JSON");
        assertThatThrownBy(() -> parser.parseThreads("{\"error\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("the response is not a commentThreadListResponse (no items array)");
        assertThatThrownBy(() -> parser.parseThreads("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedResponseException.class);
    }
}
