package se.kommun.moderation.ingest.commands.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kommun.moderation.ingest.commands.support.Commands.delete;
import static se.kommun.moderation.ingest.commands.support.Commands.hide;
import static se.kommun.moderation.ingest.commands.support.Commands.reply;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.PlatformCommandIssued;
import se.kommun.moderation.ingest.signature.HmacSignatures;

/** The exact request each adapter builds, and what each answer means. No I/O. */
class PlatformAdaptersTest {

    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final AccountAccess TOKEN = AccountAccess.token("page-token-1");
    private static final String REPLY = "Hej! Vi har tagit emot din synpunkt. /Anna, kommunikatör, Örebro kommun";

    private static String body(PlatformRequest request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    @Test
    void facebookHideIsAPostOfIsHiddenWithThePageToken() {
        PlatformRequest request = new FacebookAdapter("https://graph.example/v23.0/")
                .request(hide(Platform.FACEBOOK, "1000", "1000_2000_3000"), TOKEN);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo(URI.create("https://graph.example/v23.0/1000_2000_3000"));
        assertThat(request.headers()).containsExactly(Map.entry("Authorization", "Bearer page-token-1"),
                Map.entry("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(body(request)).isEqualTo("is_hidden=true");
    }

    @Test
    void facebookDeleteAndReply() {
        FacebookAdapter facebook = new FacebookAdapter("https://graph.example/v23.0");
        PlatformRequest deletion = facebook.request(delete(Platform.FACEBOOK, "1000", "1000_2000_3000"), TOKEN);
        assertThat(deletion.method()).isEqualTo("DELETE");
        assertThat(deletion.uri()).hasPath("/v23.0/1000_2000_3000");
        assertThat(deletion.body()).isEmpty();
        assertThat(deletion.headers()).containsExactly(Map.entry("Authorization", "Bearer page-token-1"));

        PlatformRequest answer = facebook.request(reply(Platform.FACEBOOK, "1000", "1000_2000_3000", REPLY), TOKEN);
        assertThat(answer.method()).isEqualTo("POST");
        assertThat(answer.uri()).isEqualTo(URI.create("https://graph.example/v23.0/1000_2000_3000/comments"));
        assertThat(body(answer)).isEqualTo("message=Hej%21+Vi+har+tagit+emot+din+synpunkt.+%2FAnna%2C+kommunikat%C3%B6r%2C+%C3%96rebro+kommun");
    }

    @Test
    void anIdCannotAddAPathSegmentOrAQuery() {
        PlatformRequest request = new FacebookAdapter("https://graph.example/v23.0")
                .request(delete(Platform.FACEBOOK, "1000", "../me/feed?x=1"), TOKEN);
        assertThat(request.uri().getRawPath()).isEqualTo("/v23.0/..%2Fme%2Ffeed%3Fx%3D1");
        assertThat(request.uri().getRawQuery()).isNull();
        assertThat(new FacebookAdapter("https://graph.example").request(delete(Platform.FACEBOOK, "1", ".."), TOKEN)
                .uri().getRawPath()).isEqualTo("/%2E%2E");
    }

    @Test
    void instagramHideDeleteAndReply() {
        InstagramAdapter instagram = new InstagramAdapter("https://graph.example/v23.0");
        PlatformRequest hidden = instagram.request(hide(Platform.INSTAGRAM, "1784", "17858893269000001"), TOKEN);
        assertThat(hidden.method()).isEqualTo("POST");
        assertThat(hidden.uri()).isEqualTo(URI.create("https://graph.example/v23.0/17858893269000001?hide=true"));
        assertThat(hidden.body()).isEmpty();
        assertThat(hidden.headers()).containsEntry("Authorization", "Bearer page-token-1");

        assertThat(instagram.request(delete(Platform.INSTAGRAM, "1784", "178"), TOKEN).method()).isEqualTo("DELETE");

        PlatformRequest answer = instagram.request(reply(Platform.INSTAGRAM, "1784", "178", "Tack!"), TOKEN);
        assertThat(answer.uri()).isEqualTo(URI.create("https://graph.example/v23.0/178/replies"));
        assertThat(body(answer)).isEqualTo("message=Tack%21");
    }

    @Test
    void xHidesWithAJsonPutAndRepliesWithAPostAndCannotDelete() throws Exception {
        XAdapter x = new XAdapter("https://api.x.example");
        PlatformRequest hidden = x.request(hide(Platform.X, "99", "1850000000000000001"), TOKEN);
        assertThat(hidden.method()).isEqualTo("PUT");
        assertThat(hidden.uri()).isEqualTo(URI.create("https://api.x.example/2/tweets/1850000000000000001/hidden"));
        assertThat(hidden.headers()).containsEntry("Content-Type", "application/json");
        assertThat(body(hidden)).isEqualTo("{\"hidden\":true}");

        PlatformRequest answer = x.request(reply(Platform.X, "99", "1850000000000000001", "Tack för frågan"), TOKEN);
        assertThat(answer.method()).isEqualTo("POST");
        assertThat(answer.uri()).isEqualTo(URI.create("https://api.x.example/2/tweets"));
        assertThat(new ObjectMapper().readTree(answer.body())).isEqualTo(new ObjectMapper().readTree(
                "{\"text\":\"Tack för frågan\",\"reply\":{\"in_reply_to_tweet_id\":\"1850000000000000001\"}}"));

        assertThat(x.unsupported(delete(Platform.X, "99", "1"))).get().asString().contains("hide");
        assertThat(x.interpret(reply(Platform.X, "99", "1", "t"), PlatformResponse.of(201,
                "{\"data\":{\"id\":\"1850000000000000777\",\"text\":\"t\"}}"), 0, NOW).objectId())
                .isEqualTo("1850000000000000777");
        assertThat(x.interpret(hide(Platform.X, "99", "1"), PlatformResponse.of(200, "{\"data\":{\"hidden\":false}}"),
                0, NOW).kind()).isEqualTo(Interpretation.Kind.PERMANENT);
    }

    @Test
    void linkedInDeletesAsTheOrganisationAndRepliesToTheComment() throws Exception {
        LinkedInAdapter linkedIn = new LinkedInAdapter("https://api.linkedin.example/rest", "202609");
        String comment = "urn:li:comment:(urn:li:activity:7200000000000000001,7200000000000000009)";
        PlatformRequest deletion = linkedIn.request(delete(Platform.LINKEDIN, "2414183", comment), TOKEN);
        assertThat(deletion.method()).isEqualTo("DELETE");
        assertThat(deletion.uri().toString()).isEqualTo("https://api.linkedin.example/rest/socialActions/"
                + "urn%3Ali%3Aactivity%3A7200000000000000001/comments/7200000000000000009"
                + "?actor=urn%3Ali%3Aorganization%3A2414183");
        assertThat(deletion.headers()).containsExactly(Map.entry("Authorization", "Bearer page-token-1"),
                Map.entry("LinkedIn-Version", "202609"), Map.entry("X-Restli-Protocol-Version", "2.0.0"));

        PlatformRequest answer = linkedIn.request(reply(Platform.LINKEDIN, "2414183", comment, "Tack!"), TOKEN);
        assertThat(answer.method()).isEqualTo("POST");
        assertThat(answer.uri().toString()).isEqualTo("https://api.linkedin.example/rest/socialActions/"
                + "urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A7200000000000000001%2C7200000000000000009%29/comments");
        assertThat(new ObjectMapper().readTree(answer.body())).isEqualTo(new ObjectMapper().readTree("""
                {"actor":"urn:li:organization:2414183","object":"urn:li:activity:7200000000000000001",
                 "message":{"text":"Tack!"},"parentComment":"%s"}""".formatted(comment)));

        assertThat(linkedIn.unsupported(hide(Platform.LINKEDIN, "2414183", comment))).isPresent();
        assertThat(linkedIn.unsupported(delete(Platform.LINKEDIN, "2414183", "not-a-urn"))).isPresent();
        assertThat(linkedIn.unsupported(delete(Platform.LINKEDIN, "2414183", comment))).isEmpty();
        assertThat(linkedIn.interpret(reply(Platform.LINKEDIN, "1", comment, "t"), new PlatformResponse(201,
                Map.of("x-restli-id", List.of("7200000000000000042")), new byte[0]), 0, NOW).objectId())
                .isEqualTo("7200000000000000042");
    }

    @Test
    void youTubeRejectsForHideAndDeleteAndRepliesToTheTopLevelComment() throws Exception {
        YouTubeAdapter youtube = new YouTubeAdapter("https://yt.example/youtube/v3");
        for (PlatformCommandIssued removal : List.of(hide(Platform.YOUTUBE, "UC1", "Ugx1"), delete(Platform.YOUTUBE, "UC1", "Ugx1"))) {
            PlatformRequest request = youtube.request(removal, TOKEN);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.uri()).isEqualTo(URI.create(
                    "https://yt.example/youtube/v3/comments/setModerationStatus?id=Ugx1&moderationStatus=rejected"));
            assertThat(request.headers()).containsExactly(Map.entry("Authorization", "Bearer page-token-1"));
        }
        PlatformRequest answer = youtube.request(reply(Platform.YOUTUBE, "UC1", "Ugx1.8abc", "Tack!"), TOKEN);
        assertThat(answer.uri()).isEqualTo(URI.create("https://yt.example/youtube/v3/comments?part=snippet"));
        assertThat(new ObjectMapper().readTree(answer.body())).isEqualTo(new ObjectMapper().readTree(
                "{\"snippet\":{\"parentId\":\"Ugx1\",\"textOriginal\":\"Tack!\"}}"));
        assertThat(youtube.interpret(hide(Platform.YOUTUBE, "UC1", "Ugx1"), PlatformResponse.of(204, ""), 0, NOW).kind())
                .isEqualTo(Interpretation.Kind.SUCCEEDED);
    }

    @Test
    void webCallbacksAreSignedWithTheAccountSecret() throws Exception {
        WebCallbackAdapter web = new WebCallbackAdapter(Platform.WEB);
        AccountAccess access = new AccountAccess(Optional.of("site-secret"), Optional.of(URI.create("https://site.example/cb")));
        PlatformCommandIssued command = reply(Platform.WEB, "kommun-web", "c-17", "Tack!");
        PlatformRequest request = web.request(command, access);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo(URI.create("https://site.example/cb"));
        assertThat(request.headers()).containsEntry("Idempotency-Key", "reply-c-17")
                .containsEntry("Content-Type", "application/json")
                .containsEntry("X-Signature-256", "sha256=" + HexFormat.of().formatHex(
                        HmacSignatures.hmacSha256("site-secret", request.body())));
        var json = new ObjectMapper().readTree(request.body());
        assertThat(json.path("action").asText()).isEqualTo("REPLY");
        assertThat(json.path("commentId").asText()).isEqualTo("c-17");
        assertThat(json.path("replyText").asText()).isEqualTo("Tack!");

        assertThat(web.missingAccess(command, AccountAccess.token("s"))).get().asString().contains("callback-url");
        assertThat(web.missingAccess(command, new AccountAccess(Optional.empty(), access.callbackUrl()))).isPresent();
        assertThat(new XAdapter("https://x").missingAccess(command, AccountAccess.none())).get().asString()
                .contains("token-ref");
    }

    @Test
    void answersMeanWhatTheySay() {
        FacebookAdapter facebook = new FacebookAdapter("https://graph.example");
        PlatformCommandIssued hide = hide(Platform.FACEBOOK, "1", "1_2");
        assertThat(facebook.interpret(hide, PlatformResponse.of(200, "{\"success\":true}"), 0, NOW))
                .isEqualTo(Interpretation.succeeded(200, "hidden", null));
        assertThat(facebook.interpret(hide, PlatformResponse.of(200, "{\"success\":false}"), 0, NOW).kind())
                .isEqualTo(Interpretation.Kind.PERMANENT);
        assertThat(facebook.interpret(reply(Platform.FACEBOOK, "1", "1_2", "x"), PlatformResponse.of(200,
                "{\"id\":\"1_2_99\"}"), 0, NOW).objectId()).isEqualTo("1_2_99");
        // gone already: done
        assertThat(facebook.interpret(hide, PlatformResponse.of(404, ""), 0, NOW).kind())
                .isEqualTo(Interpretation.Kind.SUCCEEDED);
        // retryable: 5xx, 408, 429 (with its Retry-After)
        assertThat(facebook.interpret(hide, PlatformResponse.of(503, ""), 0, NOW).kind())
                .isEqualTo(Interpretation.Kind.RETRYABLE);
        assertThat(facebook.interpret(hide, PlatformResponse.of(408, ""), 0, NOW).kind())
                .isEqualTo(Interpretation.Kind.RETRYABLE);
        Interpretation limited = facebook.interpret(hide, new PlatformResponse(429, Map.of("Retry-After", List.of("7")),
                new byte[0]), 0, NOW);
        assertThat(limited.kind()).isEqualTo(Interpretation.Kind.RETRYABLE);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
        // other 4xx: final, with the platform's message
        String graphError = "{\"error\":{\"message\":\"(#10) Permission denied\",\"type\":\"OAuthException\",\"code\":10}}";
        Interpretation denied = facebook.interpret(hide, PlatformResponse.of(403, graphError), 0, NOW);
        assertThat(denied).isEqualTo(Interpretation.permanent(403, "(#10) Permission denied (OAuthException, code 10)"));
    }

    @Test
    void graphsDoesNotExistCountsAsDoneOnlyAfterAnUnansweredAttempt() {
        FacebookAdapter facebook = new FacebookAdapter("https://graph.example");
        PlatformCommandIssued deletion = delete(Platform.FACEBOOK, "1", "1_2");
        PlatformResponse gone = PlatformResponse.of(400, "{\"error\":{\"message\":\"Unsupported delete request. Object with "
                + "ID '1_2' does not exist, cannot be loaded due to missing permissions, or does not support this "
                + "operation\",\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33}}");
        assertThat(facebook.interpret(deletion, gone, 0, NOW).kind()).isEqualTo(Interpretation.Kind.PERMANENT);
        assertThat(facebook.interpret(deletion, gone, 1, NOW).kind()).isEqualTo(Interpretation.Kind.SUCCEEDED);
    }
}
