package se.kommun.moderation.ingest.meta.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.ingest.delivery.domain.MappedDelivery;
import se.kommun.moderation.ingest.delivery.domain.RawBody;
import se.kommun.moderation.ingest.delivery.domain.UnreadableDeliveryException;

class MetaPayloadMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final MetaPayloadMapper mapper = new MetaPayloadMapper();

    static String feedChange(String verb, String commentId, String message, String createdTime) {
        return """
                {"field":"feed","value":{"item":"comment","verb":"%s","comment_id":"%s","post_id":"111_222",
                "parent_id":"111_222","from":{"id":"u-9","name":"Kalle Karlsson"},"message":"%s",
                "created_time":%s,"is_hidden":false}}""".formatted(verb, commentId, message, createdTime);
    }

    private MappedDelivery map(String json) {
        return mapper.map(RawBody.of(json.getBytes(StandardCharsets.UTF_8), "application/json"), NOW);
    }

    private static String fragment(CommentReceived c) {
        return new String(Base64.getDecoder().decode(c.raw().fragmentBase64()), StandardCharsets.UTF_8);
    }

    @Test
    void everyFeedCommentVerbBecomesOneEventAndOtherChangesAreSkipped() {
        String json = """
                {"object":"page","entry":[{"id":"111","time":1678886400,"changes":[
                %s,%s,%s,%s,%s,
                {"field":"feed","value":{"item":"reaction","verb":"add","reaction_type":"like","post_id":"111_222"}},
                {"field":"feed","value":{"item":"status","verb":"add","post_id":"111_333"}}
                ]}]}""".formatted(
                feedChange("add", "222_1", "Hej", "1678886390"),
                feedChange("edited", "222_1", "Hej igen", "1678886390"),
                feedChange("remove", "222_2", "", "1678886391"),
                feedChange("hide", "222_3", "", "\"2023-03-15T13:20:00+0000\""),
                feedChange("unhide", "222_3", "", "\"2023-03-15T13:21:00+00:00\""));

        MappedDelivery mapped = map(json);

        assertThat(mapped.platform()).isEqualTo(Platform.FACEBOOK);
        assertThat(mapped.skipped()).isEqualTo(2);
        assertThat(mapped.unmappable()).isEmpty();
        assertThat(mapped.comments()).extracting(CommentReceived::verb)
                .containsExactly(Verb.ADDED, Verb.EDITED, Verb.REMOVED_BY_AUTHOR, Verb.HIDDEN, Verb.UNHIDDEN);
        CommentReceived first = mapped.comments().get(0);
        assertThat(first.accountId()).isEqualTo("111");
        assertThat(first.commentId()).isEqualTo("222_1");
        assertThat(first.postId()).isEqualTo("111_222");
        assertThat(first.parentId()).as("a comment on the post is not a reply").isNull();
        assertThat(first.author().displayName()).isEqualTo("Kalle Karlsson");
        assertThat(first.createdAt()).isEqualTo(Instant.ofEpochSecond(1678886390));
        assertThat(first.receivedAt()).isEqualTo(NOW);
        assertThat(first.permalink()).isEqualTo("https://www.facebook.com/111/posts/222?comment_id=1");
        assertThat(mapped.comments().get(3).createdAt()).isEqualTo(Instant.parse("2023-03-15T13:20:00Z"));
        assertThat(mapped.comments().get(4).createdAt()).isEqualTo(Instant.parse("2023-03-15T13:21:00Z"));
        // Each comment keeps the exact bytes of its own change, and the hash of the whole body.
        assertThat(fragment(first)).startsWith("{\"field\":\"feed\"").contains("\"verb\":\"add\"").doesNotContain("edited");
        assertThat(first.raw().bodySha256()).isEqualTo(mapped.comments().get(1).raw().bodySha256());
        assertThat(first.idempotencyKey()).isEqualTo("facebook:222_1:add");
        assertThat(mapped.comments().get(1).idempotencyKey()).startsWith("facebook:222_1:edited:");
    }

    @Test
    void aChangeThatIsNotAnObjectIsSkippedAndEveryCommentKeepsItsOwnBytes() {
        String json = """
                {"object":"page","entry":["odd",{"id":"111","changes":["odd",7,%s,null,%s]}]}""".formatted(
                feedChange("add", "222_1", "första", "1678886390"), feedChange("add", "222_2", "andra", "1678886391"));

        MappedDelivery mapped = map(json);

        assertThat(mapped.skipped()).isEqualTo(3);
        assertThat(mapped.comments()).extracting(CommentReceived::commentId).containsExactly("222_1", "222_2");
        assertThat(fragment(mapped.comments().get(0)))
                .isEqualTo(feedChange("add", "222_1", "första", "1678886390"));
        assertThat(fragment(mapped.comments().get(1)))
                .isEqualTo(feedChange("add", "222_2", "andra", "1678886391"));
    }

    @Test
    void permalinksFollowTheConfiguredBase() {
        String json = """
                {"object":"page","entry":[{"id":"111","time":1678886400,"changes":[%s]}]}"""
                .formatted(feedChange("add", "222_7", "Hej", "1678886390"));
        CommentReceived comment = new MetaPayloadMapper("http://127.0.0.1:8099/fb/")
                .map(RawBody.of(json.getBytes(StandardCharsets.UTF_8), "application/json"), NOW).comments().get(0);

        assertThat(comment.permalink()).isEqualTo("http://127.0.0.1:8099/fb/111/posts/222?comment_id=7");
    }

    @Test
    void escapedUnicodeIsDecodedInTheTextButKeptAsSentInTheFragment() {
        String json = "{\"object\":\"page\",\"entry\":[{\"id\":\"111\",\"changes\":["
                + feedChange("add", "222_5", "Sn\\u00f6r\\u00f6jning \\ud83d\\ude00", "1678886390") + "]}]}";

        CommentReceived comment = map(json).comments().get(0);

        assertThat(comment.text()).isEqualTo("Snöröjning 😀");
        assertThat(fragment(comment)).contains("Sn\\u00f6r\\u00f6jning");
    }

    @Test
    void aReplyKeepsItsParent() {
        String json = """
                {"object":"page","entry":[{"id":"111","changes":[{"field":"feed","value":{"item":"comment",
                "verb":"add","comment_id":"222_7","post_id":"111_222","parent_id":"222_1","message":"Svar",
                "created_time":1678886390}}]}]}""";
        assertThat(map(json).comments().get(0).parentId()).isEqualTo("222_1");
    }

    @Test
    void instagramInBothShapesKeepsRepliesParent() {
        String flat = """
                [{"object":"instagram","entry":[{"id":"17841400000","time":1755779280,"field":"comments",
                "value":{"id":"1801","from":{"id":"igsid-1","username":"anna.a"},"text":"Fin bild!",
                "media":{"id":"m-1","media_product_type":"FEED"},"parent_id":"1700"}}]}]""";
        String nested = """
                {"object":"instagram","entry":[{"id":"17841400000","time":1755779280,"changes":[
                {"field":"comments","value":{"id":"1802","from":{"id":"igsid-2","username":"bo.b"},"text":"Hej",
                "media":{"id":"m-1"}}},{"field":"mentions","value":{"media_id":"m-2"}}]}]}""";

        MappedDelivery a = map(flat);
        MappedDelivery b = map(nested);

        assertThat(a.platform()).isEqualTo(Platform.INSTAGRAM);
        assertThat(a.comments()).singleElement().satisfies(c -> {
            assertThat(c.commentId()).isEqualTo("1801");
            assertThat(c.parentId()).isEqualTo("1700");
            assertThat(c.postId()).isEqualTo("m-1");
            assertThat(c.author().displayName()).isEqualTo("anna.a");
            assertThat(c.idempotencyKey()).isEqualTo("instagram:1801");
            assertThat(fragment(c)).startsWith("{\"id\":\"17841400000\"");
        });
        assertThat(b.comments()).singleElement().satisfies(c -> {
            assertThat(c.commentId()).isEqualTo("1802");
            assertThat(c.parentId()).isNull();
            assertThat(fragment(c)).startsWith("{\"field\":\"comments\"");
        });
        assertThat(b.skipped()).isEqualTo(1);
    }

    @Test
    void aCommentChangeThatCannotBeMappedIsSetAsideWithItsReason() {
        String json = """
                {"object":"page","entry":[{"id":"111","changes":[
                {"field":"feed","value":{"item":"comment","verb":"add","message":"utan id"}},
                {"field":"feed","value":{"item":"comment","verb":"shouted","comment_id":"222_9"}}]}]}""";

        MappedDelivery mapped = map(json);

        assertThat(mapped.comments()).isEmpty();
        assertThat(mapped.unmappable()).extracting(MappedDelivery.Unmappable::reason)
                .containsExactly("feed comment change: 'comment_id' is missing",
                        "feed comment change: unknown verb 'shouted'");
    }

    @Test
    void aBodyThatIsNotAMetaNotificationIsUnreadable() {
        assertThatThrownBy(() -> map("{\"entry\": ")).isInstanceOf(UnreadableDeliveryException.class);
        assertThatThrownBy(() -> map("{\"object\":\"page\"}")).hasMessageContaining("'entry' array");
        assertThatThrownBy(() -> map("{\"object\":\"whatsapp\",\"entry\":[]}")).hasMessageContaining("unsupported object");
    }

    @Test
    void aThousandChangesInOneBatch() {
        StringBuilder changes = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            changes.append(i == 0 ? "" : ",").append(feedChange("add", "222_" + i, "nr " + i, "1678886390"));
        }
        MappedDelivery mapped = map("{\"object\":\"page\",\"entry\":[{\"id\":\"111\",\"changes\":[" + changes + "]}]}");
        assertThat(mapped.comments()).hasSize(1000);
        assertThat(fragment(mapped.comments().get(999))).contains("\"222_999\"");
    }
}
