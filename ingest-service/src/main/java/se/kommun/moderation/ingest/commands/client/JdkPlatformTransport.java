package se.kommun.moderation.ingest.commands.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import se.kommun.moderation.ingest.commands.domain.PlatformRequest;
import se.kommun.moderation.ingest.commands.domain.PlatformResponse;
import se.kommun.moderation.ingest.commands.domain.PlatformTransport;
import se.kommun.moderation.ingest.commands.domain.TransportException;

/**
 * The JDK's HTTP client: any base URL, a connect timeout and a timeout for the whole answer, no
 * redirects followed (a platform that redirects a moderation call is not answering it).
 */
public final class JdkPlatformTransport implements PlatformTransport {

    private final HttpClient client;
    private final Duration readTimeout;

    public JdkPlatformTransport(Duration connectTimeout, Duration readTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = readTimeout;
    }

    @Override
    public PlatformResponse send(PlatformRequest request) throws TransportException {
        HttpRequest.Builder http = HttpRequest.newBuilder(request.uri()).timeout(readTimeout)
                .method(request.method(), request.body().length == 0 && !"POST".equals(request.method())
                        && !"PUT".equals(request.method())
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        try {
            HttpResponse<byte[]> response = client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new PlatformResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (HttpConnectTimeoutException notConnected) {
            throw new TransportException("could not connect within the connect timeout", false, notConnected);
        } catch (HttpTimeoutException noAnswer) {
            throw new TransportException("no answer within " + readTimeout.toMillis() + " ms", true, noAnswer);
        } catch (ConnectException refused) {
            throw new TransportException("could not connect (" + refused.getClass().getSimpleName() + ")", false, refused);
        } catch (UnresolvedAddressException unresolved) {
            throw new TransportException("could not resolve the platform's host", false, null);
        } catch (IOException lost) {
            throw new TransportException("the connection failed (" + lost.getClass().getSimpleName() + ")", true, lost);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for the platform", true, interrupted);
        }
    }
}
