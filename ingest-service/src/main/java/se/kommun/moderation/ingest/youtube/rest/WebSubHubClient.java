package se.kommun.moderation.ingest.youtube.rest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import se.kommun.moderation.ingest.youtube.domain.WebSubHub;
import se.kommun.moderation.ingest.youtube.domain.WebSubRequest;
import se.kommun.moderation.ingest.youtube.domain.WebSubTopics;

/**
 * Subscription requests to the hub as {@code application/x-www-form-urlencoded} POSTs (PubSubHubbub
 * 0.4 §5.1), over the JDK's client. The body holds the hub secret: it is never logged.
 */
public final class WebSubHubClient implements WebSubHub {

    private final HttpClient client;
    private final URI hub;
    private final String callback;
    private final Duration lease;
    private final Optional<String> secret;
    private final Duration timeout;

    public WebSubHubClient(URI hub, String callback, Duration lease, Optional<String> secret, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.hub = hub;
        this.callback = callback;
        this.lease = lease;
        this.secret = secret;
        this.timeout = timeout;
    }

    @Override
    public int send(WebSubRequest request) throws IOException {
        HttpRequest http = HttpRequest.newBuilder(hub).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(request), StandardCharsets.UTF_8))
                .build();
        try {
            return client.send(http, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the hub", e);
        }
    }

    String form(WebSubRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("hub.mode", request.mode().hubValue());
        fields.put("hub.topic", WebSubTopics.feedUrl(request.channelId()));
        fields.put("hub.callback", callback);
        if (request.mode() == WebSubRequest.Mode.SUBSCRIBE) {
            fields.put("hub.lease_seconds", Long.toString(lease.toSeconds()));
            // Without a secret the hub sends unsigned notifications, which the endpoint drops anyway.
            secret.ifPresent(value -> fields.put("hub.secret", value));
        }
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
