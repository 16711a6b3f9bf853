package se.kommun.moderation.ingest.meta.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import se.kommun.moderation.ingest.support.LoopbackWireMockResource;

/**
 * A fake Graph API on loopback (WireMock, dynamic port) for the Instagram permalink look-up, and an
 * Instagram account whose token the service finds through its commands configuration. Unstubbed
 * calls get WireMock's 404.
 */
public class FakeGraphApiResource extends LoopbackWireMockResource {

    public static final String GRAPH = "/graph/v23.0";
    public static final String IG_ACCOUNT = "ig-permalinks";
    public static final String IG_TOKEN = "test-instagram-token";

    @Override
    protected Map<String, String> configure(WireMockServer server) {
        return Map.of(
                "ingest.commands.instagram.base-url", server.baseUrl() + GRAPH,
                "ingest.commands.instagram.accounts.\"" + IG_ACCOUNT + "\".token-ref", "ig-permalinks-token",
                "ingest.secrets.ig-permalinks-token", IG_TOKEN);
    }
}
