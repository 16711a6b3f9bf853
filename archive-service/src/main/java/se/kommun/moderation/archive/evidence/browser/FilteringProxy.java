package se.kommun.moderation.archive.evidence.browser;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import se.kommun.moderation.archive.evidence.domain.EgressDecision;
import se.kommun.moderation.archive.evidence.domain.EgressLog;
import se.kommun.moderation.archive.evidence.domain.EgressPolicy;

/**
 * The evidence browser's only way out: an HTTP proxy on 127.0.0.1 that puts every request to the
 * current capture's {@link EgressPolicy} and connects to the addresses the policy checked (never
 * to the name again, so a DNS answer that changes in between cannot send it elsewhere).
 *
 * <p>It speaks just what Chromium sends a proxy: {@code CONNECT host:port} (HTTPS and websocket
 * tunnels; the policy decides on the host and port, the bytes inside are the browser's own TLS)
 * and absolute-form plain HTTP ({@code GET http://host/...}), relayed as one request per
 * connection. A refused request gets a 403 and lands in the capture's {@link EgressLog}; an
 * allowed one whose host does not answer gets a 502 and is logged as unreachable. Requests to the
 * browser's own service hosts (Chromium's sign-in, update and time services, which it calls on its
 * own and retries when refused) are refused like any other but not logged: they are not the page's.
 *
 * <p>Bounded: at most {@value #MAX_CONNECTIONS} connections at once (two threads each), a request
 * head of at most {@value #MAX_HEAD_BYTES} bytes read within {@value #HEAD_TIMEOUT_MS} ms, connects
 * within {@value #CONNECT_TIMEOUT_MS} ms, and a connection silent for {@value #IDLE_TIMEOUT_MS} ms
 * is closed. It logs nothing about the requests themselves (their URLs are the commenters').
 */
final class FilteringProxy implements AutoCloseable {

    static final int MAX_HEAD_BYTES = 64 * 1024;
    static final int MAX_CONNECTIONS = 32;
    static final int HEAD_TIMEOUT_MS = 10_000;
    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int IDLE_TIMEOUT_MS = 60_000;

    private static final Logger LOG = Logger.getLogger(FilteringProxy.class);
    private static final Scope IDLE = new Scope(EgressPolicy.nothing("this browser between captures"), new EgressLog());

    /** The policy requests are checked against now, and where its refusals go. */
    private record Scope(EgressPolicy policy, EgressLog log) {
    }

    private final ServerSocket server;
    private final Set<String> browserOwnHosts;
    private final ExecutorService threads;
    private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Scope> scope = new AtomicReference<>(IDLE);
    private final Thread acceptor;
    private volatile boolean closed;

    private FilteringProxy(ServerSocket server, Set<String> browserOwnHosts) {
        this.server = server;
        this.browserOwnHosts = Set.copyOf(browserOwnHosts);
        AtomicInteger n = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, 2 * MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "evidence-egress-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.acceptor = new Thread(this::accept, "evidence-egress-accept");
        this.acceptor.setDaemon(true);
    }

    /**
     * Starts a proxy on a free port of 127.0.0.1 that refuses everything until {@link #admit} says otherwise.
     *
     * @param browserOwnHosts hosts the browser calls on its own; their refusals are not the capture's
     */
    static FilteringProxy start(Set<String> browserOwnHosts) throws IOException {
        ServerSocket server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        FilteringProxy proxy = new FilteringProxy(server, browserOwnHosts);
        proxy.acceptor.start();
        return proxy;
    }

    int port() {
        return server.getLocalPort();
    }

    /** From now on requests are checked against {@code policy}; what it refuses is written to {@code log}. */
    void admit(EgressPolicy policy, EgressLog log) {
        scope.set(new Scope(policy, log));
    }

    /** Between captures nothing goes out (a page left over from the last capture gets nowhere). */
    void refuseAll() {
        scope.set(IDLE);
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warnf("evidence egress proxy stopped accepting: %s", e.getClass().getSimpleName());
                }
                return;
            }
            if (!connections.tryAcquire()) {
                // Over the limit: the browser sees the connection close and the request fail.
                closeQuietly(client);
                continue;
            }
            try {
                threads.execute(() -> {
                    try {
                        handle(client);
                    } finally {
                        connections.release();
                    }
                });
            } catch (RejectedExecutionException e) {
                connections.release();
                closeQuietly(client);
            }
        }
    }

    /** A request head, read in full (and for plain HTTP, rewritten) before anything is opened for it. */
    private record Request(ProxyRequestHead head, ProxyRequestHead.Destination destination, byte[] forOrigin,
            OptionalLong bodyLength) {
    }

    private void handle(Socket client) {
        open.add(client);
        Socket upstream = null;
        try {
            client.setSoTimeout(HEAD_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            Optional<Request> request = read(in, out);
            if (request.isEmpty()) {
                return;
            }
            ProxyRequestHead.Destination destination = request.get().destination();
            // Read once: a capture that ends meanwhile does not change what this request was judged by.
            Scope current = scope.get();
            EgressDecision decision = current.policy().admit(destination.host(), destination.port());
            if (decision instanceof EgressDecision.Refused refused) {
                if (!browserOwnHosts.contains(refused.refusal().host())) {
                    current.log().refused(refused.refusal());
                }
                respond(out, 403, "Forbidden");
                return;
            }
            EgressDecision.Admitted admitted = (EgressDecision.Admitted) decision;
            try {
                upstream = connect(admitted);
            } catch (IOException e) {
                current.log().unreachable(admitted.host(), admitted.port(), netError(e));
                respond(out, 502, "Bad Gateway");
                return;
            }
            open.add(upstream);
            client.setSoTimeout(IDLE_TIMEOUT_MS);
            upstream.setSoTimeout(IDLE_TIMEOUT_MS);
            if (request.get().head().isConnect()) {
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                tunnel(in, client, upstream);
            } else {
                relayOne(request.get().forOrigin(), request.get().bodyLength(), in, client, upstream);
            }
        } catch (IOException e) {
            // The browser or the origin went away mid-request: nothing to tell anyone.
        } finally {
            closeAndForget(client);
            if (upstream != null) {
                closeAndForget(upstream);
            }
        }
    }

    /** The request, or empty when there is none to go on with (the client left, or was answered 400/431). */
    private static Optional<Request> read(InputStream in, OutputStream out) throws IOException {
        try {
            Optional<ProxyRequestHead> read = ProxyRequestHead.read(in, MAX_HEAD_BYTES);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            ProxyRequestHead head = read.get();
            if (head.isConnect()) {
                return Optional.of(new Request(head, head.destination(), null, OptionalLong.empty()));
            }
            return Optional.of(new Request(head, head.destination(), head.forOrigin(), head.contentLength()));
        } catch (ProxyRequestHead.TooLarge e) {
            respond(out, 431, "Request Header Fields Too Large");
        } catch (ProxyRequestHead.Malformed e) {
            respond(out, 400, "Bad Request");
        }
        return Optional.empty();
    }

    /** Both directions until the origin is done (the client's end only half-closes the origin's input). */
    private void tunnel(InputStream clientIn, Socket client, Socket upstream) throws IOException {
        Runnable clientToOrigin = () -> {
            try {
                clientIn.transferTo(upstream.getOutputStream());
                upstream.shutdownOutput();
            } catch (IOException e) {
                closeAndForget(upstream);
                closeAndForget(client);
            }
        };
        if (!spawn(clientToOrigin)) {
            return;
        }
        upstream.getInputStream().transferTo(client.getOutputStream());
    }

    /**
     * One plain-HTTP request: the head (origin-form, {@code Connection: close}), exactly its body,
     * then the response back. Further bytes from the browser are not relayed: a second request on
     * the same connection could name another host. Reading them only tells us the browser gave up.
     */
    private void relayOne(byte[] forOrigin, OptionalLong bodyLength, InputStream clientIn, Socket client,
            Socket upstream) throws IOException {
        OutputStream toOrigin = upstream.getOutputStream();
        toOrigin.write(forOrigin);
        if (bodyLength.isPresent()) {
            copyExactly(clientIn, toOrigin, bodyLength.getAsLong());
        }
        toOrigin.flush();
        Runnable watchClient = () -> {
            try {
                clientIn.read();
            } catch (IOException e) {
                // closed or timed out: either way the exchange is over
            }
            closeAndForget(upstream);
        };
        if (!spawn(watchClient)) {
            return;
        }
        upstream.getInputStream().transferTo(client.getOutputStream());
    }

    private boolean spawn(Runnable task) {
        try {
            threads.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private static Socket connect(EgressDecision.Admitted admitted) throws IOException {
        IOException last = null;
        for (InetAddress address : admitted.addresses()) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, admitted.port()), CONNECT_TIMEOUT_MS);
                return socket;
            } catch (IOException e) {
                closeQuietly(socket);
                last = e;
            }
        }
        throw last == null ? new ConnectException("no address") : last;
    }

    /** Chromium's own name for the failure, so a bundle reads the same with or without the proxy. */
    static String netError(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return "ERR_CONNECTION_TIMED_OUT";
        }
        if (e instanceof NoRouteToHostException) {
            return "ERR_ADDRESS_UNREACHABLE";
        }
        if (e instanceof ConnectException) {
            return "ERR_CONNECTION_REFUSED";
        }
        return "ERR_CONNECTION_FAILED";
    }

    private static void copyExactly(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the request body ended early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void respond(OutputStream out, int status, String phrase) throws IOException {
        String body = "evidence egress filter: " + status + " " + phrase + "\n";
        out.write(("HTTP/1.1 " + status + " " + phrase + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private void closeAndForget(Socket socket) {
        open.remove(socket);
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket socket : open) {
            closeAndForget(socket);
        }
        threads.shutdownNow();
    }
}
