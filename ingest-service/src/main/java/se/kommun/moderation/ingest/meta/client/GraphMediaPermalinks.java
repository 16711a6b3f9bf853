package se.kommun.moderation.ingest.meta.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import se.kommun.moderation.ingest.meta.domain.InstagramPermalinks;

/**
 * {@code GET {base}/{media-id}?fields=permalink} on the Graph API, with the account's token as a
 * bearer token, over the JDK's asynchronous client: the webhook's event loop never waits on it.
 * Anything but a 200 with an http(s) {@code permalink} is an empty answer.
 */
public final class GraphMediaPermalinks implements InstagramPermalinks.Lookup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String baseUrl;
    private final Duration timeout;

    public GraphMediaPermalinks(String baseUrl, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
    }

    @Override
    public CompletionStage<Optional<String>> permalink(String mediaId, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/"
                        + URLEncoder.encode(mediaId, StandardCharsets.UTF_8) + "?fields=permalink"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> response.statusCode() == 200 ? permalinkIn(response.body()) : Optional.empty());
    }

    static Optional<String> permalinkIn(byte[] body) {
        try {
            JsonNode permalink = JSON.readTree(body).path("permalink");
            if (!permalink.isTextual()) {
                return Optional.empty();
            }
            URI uri = URI.create(permalink.asText().trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    ? Optional.of(uri.toString()) : Optional.empty();
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
