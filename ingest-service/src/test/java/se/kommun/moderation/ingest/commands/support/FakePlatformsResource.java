package se.kommun.moderation.ingest.commands.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.HashMap;
import java.util.Map;
import se.kommun.moderation.ingest.support.LoopbackWireMockResource;

/**
 * Fake platform APIs on loopback (one WireMock server, a path prefix per platform) and the
 * configuration that points the command executor at them, with test tokens and a fast retry policy.
 * Tests stub the answers they need; an unstubbed call gets WireMock's 404.
 */
public class FakePlatformsResource extends LoopbackWireMockResource {

    public static final String GRAPH = "/graph/v23.0";
    public static final String X = "/x";
    public static final String SITE_CALLBACK = "/site/moderation";
    public static final String LINKEDIN = "/linkedin/rest";
    public static final String YOUTUBE = "/youtube/v3";
    public static final String ORGANISATION = "2414183";
    public static final String LINKEDIN_TOKEN = "test-linkedin-admin-token";
    /** The channel owner's token: the poller's ingest.youtube.oauth-token, which the commands fall back to. */
    public static final String YOUTUBE_TOKEN = "test-youtube-owner-token";

    public static final String PAGE_ID = "1000";
    /** The Facebook Page's token, found through the account registry's secretRef. */
    public static final String PAGE_TOKEN_REF = "fb-page";
    public static final String PAGE_TOKEN = "test-page-token";
    public static final String IG_ACCOUNT = "17841400000000001";
    public static final String X_ACCOUNT = "1500";
    /** The X account's token, found through ingest.commands.x.accounts."1500".token-ref. */
    public static final String X_TOKEN = "test-x-user-token";
    public static final String WEB_ACCOUNT = "kommun-web";
    /** The web account's registry secretRef (its webhook secret in application.properties' test profile). */
    public static final String WEB_SECRET_REF = "test-site";
    public static final String WEB_SECRET = "test-secret-not-for-production";

    @Override
    protected Map<String, String> configure(WireMockServer server) {
        Map<String, String> config = new HashMap<>();
        config.put("ingest.commands.facebook.base-url", server.baseUrl() + GRAPH);
        config.put("ingest.commands.instagram.base-url", server.baseUrl() + GRAPH);
        config.put("ingest.commands.x.base-url", server.baseUrl() + X);
        config.put("ingest.commands.x.accounts.\"" + X_ACCOUNT + "\".token-ref", "x-user");
        config.put("ingest.secrets.x-user", X_TOKEN);
        config.put("ingest.secrets." + PAGE_TOKEN_REF, PAGE_TOKEN);
        config.put("ingest.commands.instagram.accounts.\"" + IG_ACCOUNT + "\".token-ref", PAGE_TOKEN_REF);
        config.put("ingest.commands.web.accounts.\"" + WEB_ACCOUNT + "\".callback-url", server.baseUrl() + SITE_CALLBACK);
        config.put("ingest.commands.linkedin.base-url", server.baseUrl() + LINKEDIN);
        config.put("ingest.commands.linkedin.accounts.\"" + ORGANISATION + "\".token-ref", "li-admin");
        config.put("ingest.secrets.li-admin", LINKEDIN_TOKEN);
        config.put("ingest.commands.youtube.base-url", server.baseUrl() + YOUTUBE);
        config.put("ingest.youtube.oauth-token", YOUTUBE_TOKEN);
        config.put("ingest.commands.retry.initial-backoff", "50ms");
        config.put("ingest.commands.retry.max-backoff", "200ms");
        config.put("ingest.commands.retry.max-attempts", "5");
        config.put("ingest.commands.retry.max-retry-after", "10s");
        return config;
    }
}
