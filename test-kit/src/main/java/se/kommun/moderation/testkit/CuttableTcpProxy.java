package se.kommun.moderation.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a loopback port in front of one server (PostgreSQL, in the outage tests), that
 * can {@link #cut()} every connection and refuse new ones, as a database that went away does, and
 * {@link #restore()} them. Only the tests that point their service at {@link #port()} see the
 * outage; everything else keeps talking to the server directly.
 *
 * <p>Two threads per connection pump the bytes, which is plenty for a connection pool. Cutting
 * closes the listening socket (a new connection is refused by the operating system) and both ends
 * of every open connection (a client in the middle of a statement sees its connection reset).
 */
public final class CuttableTcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile ServerSocket listener;
    private volatile boolean closed;

    private CuttableTcpProxy(InetSocketAddress target, int port) {
        this.target = target;
        this.port = port;
    }

    /** Listens on a free loopback port and forwards to {@code host:port}. */
    public static CuttableTcpProxy to(String host, int targetPort) {
        try {
            int port = EmbeddedKafka.freePort();
            CuttableTcpProxy proxy = new CuttableTcpProxy(new InetSocketAddress(host, targetPort), port);
            proxy.listen();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the proxy", e);
        }
    }

    public int port() {
        return port;
    }

    /** Connections accepted so far (the tests see from it that the service really came through here). */
    public int acceptedConnections() {
        return accepted.get();
    }

    public boolean isCut() {
        return listener == null;
    }

    /** Drops every open connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() {
        ServerSocket current = listener;
        listener = null;
        closeQuietly(current);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() {
        if (listener == null && !closed) {
            try {
                listen();
            } catch (IOException e) {
                throw new UncheckedIOException("could not listen on port " + port + " again", e);
            }
        }
    }

    private void listen() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        listener = server;
        Thread acceptor = new Thread(() -> accept(server), "tcp-proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closedOrCut) {
                return;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 5_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            accepted.incrementAndGet();
            open.add(client);
            open.add(upstream);
            if (listener != server) {
                // Cut while this one was being connected: it must not survive the cut.
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            pump(client, upstream, "up");
            pump(upstream, client, "down");
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException endOfConnection) {
                // closed by either side or by cut()
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-" + direction + "-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            if (closeable instanceof Socket socket && !socket.isClosed()) {
                // RST rather than FIN: the client sees "connection reset", as when a server dies.
                socket.setSoLinger(true, 0);
            }
            closeable.close();
        } catch (SocketException alreadyGone) {
            // nothing to do
        } catch (Exception e) {
            // nothing to do: it is being thrown away
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        cut();
    }
}
