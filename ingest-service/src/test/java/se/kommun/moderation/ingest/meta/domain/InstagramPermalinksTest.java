package se.kommun.moderation.ingest.meta.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.ingest.delivery.domain.MappedDelivery;
import se.kommun.moderation.ingest.delivery.domain.RawBody;

/** The permalink cache: one request per media, failures not kept, nothing asked without a token. */
class InstagramPermalinksTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private final List<String> asked = new ArrayList<>();
    private final List<CompletableFuture<Optional<String>>> answers = new ArrayList<>();

    private InstagramPermalinks permalinks(int capacity) {
        return new InstagramPermalinks((mediaId, token) -> {
            asked.add(mediaId + " " + token);
            CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        }, account -> account.equals("ig-1") ? Optional.of("token-1") : Optional.empty(), capacity);
    }

    private static MappedDelivery delivery(String account, String... mediaIds) {
        StringBuilder entries = new StringBuilder();
        int n = 0;
        for (String mediaId : mediaIds) {
            entries.append(n == 0 ? "" : ",").append("""
                    {"id":"%s","field":"comments","value":{"id":"c%d","text":"Hej","media":{"id":"%s"}}}"""
                    .formatted(account, n++, mediaId));
        }
        String json = "{\"object\":\"instagram\",\"entry\":[" + entries + "]}";
        return new MetaPayloadMapper("https://www.facebook.com")
                .map(RawBody.of(json.getBytes(StandardCharsets.UTF_8), "application/json"), NOW);
    }

    @Test
    void commentsOnOneMediaShareOneRequestAndItsAnswerIsKept() {
        InstagramPermalinks permalinks = permalinks(10);
        List<CommentReceived> comments = InstagramPermalinks.lacking(delivery("ig-1", "m1", "m1"));

        CompletableFuture<Optional<String>> first = permalinks.permalinkOf(comments.get(0)).toCompletableFuture();
        CompletableFuture<Optional<String>> second = permalinks.permalinkOf(comments.get(1)).toCompletableFuture();
        answers.get(0).complete(Optional.of("https://www.instagram.com/p/A/"));

        assertThat(first.join()).contains("https://www.instagram.com/p/A/");
        assertThat(second.join()).contains("https://www.instagram.com/p/A/");
        assertThat(permalinks.permalinkOf(comments.get(0)).toCompletableFuture().join())
                .contains("https://www.instagram.com/p/A/");
        assertThat(asked).containsExactly("m1 token-1");
    }

    @Test
    void aFailureOrAnEmptyAnswerIsNotKept() {
        InstagramPermalinks permalinks = permalinks(10);
        CommentReceived comment = InstagramPermalinks.lacking(delivery("ig-1", "m1")).get(0);

        CompletableFuture<Optional<String>> failed = permalinks.permalinkOf(comment).toCompletableFuture();
        answers.get(0).completeExceptionally(new IllegalStateException("HTTP 500"));
        assertThat(failed.join()).isEmpty();
        CompletableFuture<Optional<String>> empty = permalinks.permalinkOf(comment).toCompletableFuture();
        answers.get(1).complete(Optional.empty());
        assertThat(empty.join()).isEmpty();
        permalinks.permalinkOf(comment);

        assertThat(asked).hasSize(3);
    }

    @Test
    void theCacheIsBoundedAndAnAccountWithoutTokenIsNotAskedFor() {
        InstagramPermalinks permalinks = permalinks(1);
        List<CommentReceived> comments = InstagramPermalinks.lacking(delivery("ig-1", "m1", "m2"));
        permalinks.permalinkOf(comments.get(0));
        answers.get(0).complete(Optional.of("https://www.instagram.com/p/A/"));
        permalinks.permalinkOf(comments.get(1));
        answers.get(1).complete(Optional.of("https://www.instagram.com/p/B/"));
        permalinks.permalinkOf(comments.get(0));
        assertThat(asked).as("m1 was forgotten for m2").containsExactly("m1 token-1", "m2 token-1", "m1 token-1");

        CommentReceived noToken = InstagramPermalinks.lacking(delivery("ig-other", "m3")).get(0);
        assertThat(permalinks.permalinkOf(noToken).toCompletableFuture().join()).isEmpty();
        assertThat(asked).hasSize(3);
    }

    @Test
    void thePermalinkIsSetOnEveryCommentOfItsMediaOnly() {
        MappedDelivery delivery = delivery("ig-1", "m1", "m2", "m1");

        MappedDelivery completed = InstagramPermalinks.withPermalinks(delivery,
                Map.of("m1", "https://www.instagram.com/p/A/"));

        assertThat(completed.comments()).extracting(CommentReceived::permalink)
                .containsExactly("https://www.instagram.com/p/A/", null, "https://www.instagram.com/p/A/");
        assertThat(completed.comments().get(0)).usingRecursiveComparison().ignoringFields("permalink")
                .isEqualTo(delivery.comments().get(0));
    }
}
