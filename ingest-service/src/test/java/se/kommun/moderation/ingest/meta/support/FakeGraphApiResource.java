package se.kommun.moderation.ingest.meta.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A fake Graph API on loopback (WireMock, dynamic port) for the Instagram permalink look-up, and an
 * Instagram account whose token the service finds through its commands configuration. Unstubbed
 * calls get WireMock's 404.
 */
public class FakeGraphApiResource implements QuarkusTestResourceLifecycleManager {

    public static final String GRAPH = "/graph/v23.0";
    public static final String IG_ACCOUNT = "ig-permalinks";
    public static final String IG_TOKEN = "test-instagram-token";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of(
                "ingest.commands.instagram.base-url", server.baseUrl() + GRAPH,
                "ingest.commands.instagram.accounts.\"" + IG_ACCOUNT + "\".token-ref", "ig-permalinks-token",
                "ingest.secrets.ig-permalinks-token", IG_TOKEN);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
