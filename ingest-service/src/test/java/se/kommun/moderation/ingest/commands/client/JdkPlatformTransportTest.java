package se.kommun.moderation.ingest.commands.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.ingest.commands.domain.PlatformRequest;
import se.kommun.moderation.ingest.commands.domain.PlatformResponse;
import se.kommun.moderation.ingest.commands.domain.TransportException;

/** The JDK client against a loopback fake: what is sent, what comes back, and the two kinds of failure. */
class JdkPlatformTransportTest {

    private WireMockServer server;
    private final JdkPlatformTransport transport = new JdkPlatformTransport(Duration.ofSeconds(5), Duration.ofSeconds(30));

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void sendsMethodHeadersAndBodyAndReturnsTheAnswerWhole() throws Exception {
        server.stubFor(post(urlEqualTo("/v1/1_2")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
                .withBody("{\"error\":{\"message\":\"slow down\"}}")));
        PlatformResponse response = transport.send(PlatformRequest.builder("POST", URI.create(server.baseUrl() + "/v1/1_2"))
                .bearer("tok").body("application/x-www-form-urlencoded", "is_hidden=true".getBytes(StandardCharsets.UTF_8))
                .build());
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("retry-after")).contains("3");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("slow down");
        server.verify(1, postRequestedFor(urlEqualTo("/v1/1_2")).withHeader("Authorization", equalTo("Bearer tok"))
                .withRequestBody(equalTo("is_hidden=true")));
    }

    @Test
    void sendsADeleteWithoutABody() throws Exception {
        server.stubFor(delete(urlEqualTo("/v1/1_2")).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        assertThat(transport.send(PlatformRequest.builder("DELETE", URI.create(server.baseUrl() + "/v1/1_2")).build())
                .status()).isEqualTo(200);
        server.verify(1, deleteRequestedFor(urlEqualTo("/v1/1_2")));
    }

    @Test
    void noAnswerInTimeMayHaveBeenDelivered() {
        server.stubFor(post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(5000)));
        JdkPlatformTransport impatient = new JdkPlatformTransport(Duration.ofSeconds(5), Duration.ofMillis(300));
        assertThatThrownBy(() -> impatient.send(PlatformRequest.builder("POST", URI.create(server.baseUrl() + "/slow")).build()))
                .isInstanceOfSatisfying(TransportException.class, failure -> {
                    assertThat(failure.maybeDelivered()).isTrue();
                    assertThat(failure.getMessage()).startsWith("no answer within");
                });
    }

    @Test
    void aRefusedConnectionWasNotDelivered() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> transport.send(PlatformRequest.builder("POST",
                URI.create("http://127.0.0.1:" + closedPort + "/x")).build()))
                .isInstanceOfSatisfying(TransportException.class, failure -> assertThat(failure.maybeDelivered()).isFalse());
    }
}
