package se.kommun.moderation.archive.evidence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.archive.evidence.domain.AllowedHost;
import se.kommun.moderation.archive.evidence.domain.EgressLog;
import se.kommun.moderation.archive.evidence.domain.EgressPolicy;
import se.kommun.moderation.archive.evidence.domain.HostResolver;

/** The egress proxy spoken to over raw sockets, as the browser does, against origins on loopback. */
class FilteringProxyTest {

    /** An origin that records each request head it gets and answers every one with a small page. */
    static final class RecordingOrigin implements AutoCloseable {
        final ServerSocket server;
        final List<String> heads = new CopyOnWriteArrayList<>();
        final AtomicInteger connections = new AtomicInteger();

        RecordingOrigin() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::serve, "recording-origin");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    connections.incrementAndGet();
                    heads.add(readHead(s.getInputStream()));
                    s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n"
                            + "Connection: close\r\n\r\norigin ok").getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    // closed
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    FilteringProxy proxy;
    RecordingOrigin origin;
    RecordingOrigin other;
    EgressLog log;

    @BeforeEach
    void start() throws IOException {
        proxy = FilteringProxy.start(Set.of("accounts.google.com"));
        origin = new RecordingOrigin();
        other = new RecordingOrigin();
        log = new EgressLog();
        proxy.admit(EgressPolicy.allowing("facebook", List.of("127.0.0.1:" + origin.port(), "facebook.com")), log);
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        origin.close();
        other.close();
    }

    @Test
    void aPlainRequestGoesToTheOriginInOriginFormWithoutTheProxysHeaders() throws IOException {
        String response = exchange("GET http://127.0.0.1:" + origin.port() + "/comment/c-1?x=1 HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + origin.port() + "\r\nProxy-Connection: keep-alive\r\nConnection: keep-alive\r\n"
                + "Accept: text/html\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 200 OK").endsWith("origin ok");
        assertThat(origin.heads).singleElement().satisfies(head -> assertThat(head)
                .startsWith("GET /comment/c-1?x=1 HTTP/1.1\r\n")
                .contains("Host: 127.0.0.1:" + origin.port(), "Accept: text/html", "Connection: close")
                .doesNotContain("Proxy-Connection", "keep-alive"));
        assertThat(log.refusals()).isZero();
    }

    @Test
    void aSecondRequestOnTheSameConnectionIsNeverRelayed() throws IOException {
        // Pipelined behind an allowed request: a request to a host that is not allowed must not ride along.
        exchange("GET http://127.0.0.1:" + origin.port() + "/a HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET http://127.0.0.1:" + other.port() + "/b HTTP/1.1\r\nHost: y\r\n\r\n");

        await().atMost(Duration.ofSeconds(10)).until(() -> origin.connections.get() == 1);
        assertThat(origin.heads).singleElement().satisfies(head -> assertThat(head).startsWith("GET /a "));
        assertThat(other.connections).hasValue(0);
    }

    @Test
    void aHostThatIsNotAllowedGets403AndIsLoggedForTheCapture() throws IOException {
        assertThat(exchange("CONNECT 127.0.0.1:" + other.port() + " HTTP/1.1\r\nHost: x\r\n\r\n"))
                .startsWith("HTTP/1.1 403 ");
        assertThat(exchange("GET http://169.254.169.254/latest/meta-data/ HTTP/1.1\r\nHost: 169.254.169.254\r\n\r\n"))
                .startsWith("HTTP/1.1 403 ");
        assertThat(exchange("CONNECT evil.example:443 HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 403 ");

        assertThat(other.connections).hasValue(0);
        assertThat(log.refusals()).isEqualTo(3);
        assertThat(log.latest()).hasValueSatisfying(e -> assertThat(e.reason())
                .isEqualTo("host evil.example is not allowed for facebook"));
        assertThat(log.latestFor("169.254.169.254", 80)).hasValueSatisfying(e -> assertThat(e.reason())
                .isEqualTo("host 169.254.169.254 is not a public address (link-local)"));
    }

    @Test
    void theProxyConnectsToTheAddressItCheckedNotToTheNameAgain() throws IOException {
        // "pages.test" exists only in the policy's resolver: if the proxy looked the name up again
        // (where DNS could now answer differently), it would find nothing.
        HostResolver checkedDns = host -> {
            if (host.equals("pages.test")) {
                return List.of(InetAddress.getLoopbackAddress());
            }
            throw new UnknownHostException(host);
        };
        proxy.admit(new EgressPolicy("web account demo", List.of(AllowedHost.parse("pages.test:" + origin.port())),
                checkedDns), log);

        assertThat(exchange("GET http://pages.test:" + origin.port() + "/p HTTP/1.1\r\nHost: pages.test\r\n\r\n"))
                .startsWith("HTTP/1.1 200 OK");
        assertThat(origin.heads).singleElement().satisfies(head -> assertThat(head).startsWith("GET /p "));
    }

    @Test
    void anAllowedHostThatDoesNotAnswerGets502AndIsLoggedAsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        proxy.admit(EgressPolicy.allowing("facebook", List.of("127.0.0.1:" + closedPort)), log);

        assertThat(exchange("CONNECT 127.0.0.1:" + closedPort + " HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 502 ");
        assertThat(log.latestFor("127.0.0.1", closedPort)).hasValueSatisfying(e -> {
            assertThat(e.refused()).isFalse();
            assertThat(e.reason()).isEqualTo("ERR_CONNECTION_REFUSED");
        });
    }

    @Test
    void aTunnelCarriesBytesBothWays() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("CONNECT 127.0.0.1:" + origin.port() + " HTTP/1.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readHead(s.getInputStream())).startsWith("HTTP/1.1 200 Connection established");
            out.write("GET /inside-the-tunnel HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)).endsWith("origin ok");
        }
        assertThat(origin.heads).singleElement().satisfies(head -> assertThat(head).startsWith("GET /inside-the-tunnel "));
    }

    @Test
    void theBrowsersOwnServiceCallsAreRefusedButNotCountedAgainstThePage() throws IOException {
        assertThat(exchange("CONNECT accounts.google.com:443 HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 403 ");
        assertThat(log.refusals()).isZero();
        assertThat(log.latest()).isEmpty();
    }

    @Test
    void betweenCapturesNothingGoesOut() throws IOException {
        proxy.refuseAll();
        assertThat(exchange("GET http://127.0.0.1:" + origin.port() + "/late HTTP/1.1\r\nHost: x\r\n\r\n"))
                .startsWith("HTTP/1.1 403 ");
        assertThat(origin.connections).hasValue(0);
        assertThat(log.refusals()).as("not the last capture's business").isZero();
    }

    @Test
    void anOversizedOrMalformedHeadIsRefusedWithoutGoingAnywhere() throws IOException {
        // One byte over the limit and no more, so the proxy has read it all when it answers.
        String start = "GET http://127.0.0.1:" + origin.port() + "/ HTTP/1.1\r\nX-Padding: ";
        String huge = start + "a".repeat(FilteringProxy.MAX_HEAD_BYTES + 1 - start.length());
        assertThat(exchange(huge)).startsWith("HTTP/1.1 431 ");
        assertThat(exchange("GET /relative HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")).startsWith("HTTP/1.1 400 ");
        assertThat(exchange("GET https://127.0.0.1:" + origin.port() + "/ HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400 ");
        assertThat(exchange("POST http://127.0.0.1:" + origin.port() + "/ HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n")).startsWith("HTTP/1.1 400 ");
        assertThat(origin.heads).isEmpty();
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAtOnce() throws IOException {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < FilteringProxy.MAX_CONNECTIONS; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
                s.getOutputStream().write('G'); // a head that never ends keeps its connection busy
                held.add(s);
            }
            try (Socket extra = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                extra.setSoTimeout(5_000);
                assertThat(extra.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private String exchange(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // the proxy may close before it has read everything (an oversized head)
            }
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            try {
                s.getInputStream().transferTo(response);
            } catch (IOException e) {
                // a reset after the answer (the proxy closed with our pipelined bytes unread)
            }
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }

    static String readHead(InputStream in) {
        try {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                String s = head.toString(StandardCharsets.ISO_8859_1);
                if (s.endsWith("\r\n\r\n")) {
                    return s;
                }
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
