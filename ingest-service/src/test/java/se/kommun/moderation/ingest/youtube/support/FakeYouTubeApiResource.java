package se.kommun.moderation.ingest.youtube.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import se.kommun.moderation.ingest.support.LoopbackWireMockResource;

/**
 * A fake YouTube Data API on loopback (WireMock, dynamic port) for {@code @QuarkusTest}s. It answers
 * every list call with an empty page unless a test stubs something more specific, and points the
 * service at itself with test credentials and test channels. It is the WebSub hub too.
 */
public class FakeYouTubeApiResource extends LoopbackWireMockResource {

    public static final String BASE_PATH = "/youtube/v3";
    public static final String API_KEY = "test-api-key";
    public static final String OAUTH_TOKEN = "test-oauth-token";
    public static final String WEBSUB_SECRET = "test-websub-secret";
    /** The channels the service is configured with; each test uses its own. */
    public static final String CHANNELS =
            "UCpoll,UCedit,UCcrash,UCrefused,UCreplies,UChook,UCsilent,UCother,UCclosed,UCsubscribe,UCrenew";
    /** The WebSub hub's subscription endpoint, served by the same fake: it accepts everything (202). */
    public static final String HUB_PATH = "/hub/subscribe";
    /** What the service gives the hub as its callback; the fake hub never calls it, tests verify instead. */
    public static final String CALLBACK_URL = "https://ingest.kommun.example/webhooks/youtube/websub";

    @Override
    protected Map<String, String> configure(WireMockServer server) {
        server.stubFor(get(urlPathEqualTo(BASE_PATH + "/commentThreads")).atPriority(10)
                .willReturn(okJson(CommentThreadsJson.threadPage(null))));
        server.stubFor(get(urlPathEqualTo(BASE_PATH + "/comments")).atPriority(10)
                .willReturn(okJson(CommentThreadsJson.replyPage(null))));
        server.stubFor(post(urlPathEqualTo(HUB_PATH)).atPriority(10).willReturn(aResponse().withStatus(202)));
        return Map.of(
                "ingest.youtube.base-url", server.baseUrl() + BASE_PATH,
                "ingest.youtube.api-key", API_KEY,
                "ingest.youtube.oauth-token", OAUTH_TOKEN,
                "ingest.youtube.channels", CHANNELS,
                "ingest.youtube.websub-secret", WEBSUB_SECRET,
                "ingest.youtube.websub.hub-url", server.baseUrl() + HUB_PATH,
                "ingest.youtube.websub.callback-url", CALLBACK_URL);
    }
}
