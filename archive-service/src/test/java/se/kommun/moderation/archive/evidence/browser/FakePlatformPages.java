package se.kommun.moderation.archive.evidence.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a platform's comment pages, on 127.0.0.1 only: {@code /comment/<id>?height=N}
 * serves a page showing the comment (N px high, default 2400, so full-page capture is visible),
 * {@code /gone/<id>} answers 404, {@code /hang/<id>} never answers until the server is closed,
 * {@code /partial/<id>} sends the start of a page and then never finishes it, {@code /blank/} is an
 * empty page (the benchmark's reference).
 */
public final class FakePlatformPages implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();

    public FakePlatformPages() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/comment/", this::comment);
        server.createContext("/blank/", exchange -> respond(exchange, 200, "<!doctype html><html><body></body></html>"));
        server.createContext("/gone/", exchange -> respond(exchange, 404, "<html><body><h1>Sidan finns inte</h1></body></html>"));
        server.createContext("/hang/", exchange -> {
            requests.incrementAndGet();
            try {
                release.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/partial/", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(("<!doctype html><html><body><div style=\"height:1500px\"><b>Anna Andersson</b>"
                    + "<p>Kommentaren syns, men sidan laddar aldrig klart.</p></div>").getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                release.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A URL on 127.0.0.1 where nothing listens. */
    public static String unreachableUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/comment/x";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int requests() {
        return requests.get();
    }

    private void comment(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String id = exchange.getRequestURI().getPath().substring("/comment/".length());
        String query = exchange.getRequestURI().getQuery();
        int height = query != null && query.startsWith("height=") ? Integer.parseInt(query.substring(7)) : 2400;
        String html = "<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Kommentar</title>"
                + "<style>body{margin:0;font-family:sans-serif} .c{padding:24px;border-bottom:1px solid #ccc}"
                + " .spacer{height:" + height + "px;background:linear-gradient(#fff,#cde)}</style></head><body>"
                + "<div class=\"c\" id=\"comment-" + escape(id) + "\"><b>Anna Andersson</b><p>Kommentar " + escape(id)
                + " på kommunens sida.</p></div><div class=\"spacer\"></div><footer>slut på sidan</footer></body></html>";
        respond(exchange, 200, html);
    }

    private static void respond(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
