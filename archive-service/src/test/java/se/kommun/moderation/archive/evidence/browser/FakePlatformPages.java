package se.kommun.moderation.archive.evidence.browser;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
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
 * empty page (the benchmark's reference), {@code /redirect/<id>?to=<url>} answers 302 to that URL,
 * {@code /embeds/<id>?from=<origin>} is a comment page that loads an image, a fetch and a websocket
 * from {@code http://<origin>}. {@link #requests()} counts every request the server saw, so a test
 * can tell that a server was never reached.
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
        serve("/comment/", this::comment);
        serve("/blank/", exchange -> respond(exchange, 200, "<!doctype html><html><body></body></html>"));
        serve("/gone/", exchange -> respond(exchange, 404, "<html><body><h1>Sidan finns inte</h1></body></html>"));
        serve("/redirect/", exchange -> {
            exchange.getResponseHeaders().set("Location", queryValue(exchange, "to="));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        serve("/embeds/", this::embeds);
        // Everything else, the browser's own /favicon.ico included.
        serve("/", exchange -> respond(exchange, 404, "<html><body></body></html>"));
        serve("/hang/", exchange -> {
            try {
                release.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        serve("/partial/", exchange -> {
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
        return "http://" + origin() + path;
    }

    /** {@code 127.0.0.1:<port>}: the allow-list entry that lets the browser reach this server. */
    public String origin() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
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

    private void serve(String path, HttpHandler handler) {
        server.createContext(path, handler).getFilters().add(new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                requests.incrementAndGet();
                chain.doFilter(exchange);
            }

            @Override
            public String description() {
                return "counts every request";
            }
        });
    }

    /** A comment page that also loads an image (which the load event waits for), a fetch and a websocket from elsewhere. */
    private void embeds(HttpExchange exchange) throws IOException {
        String from = queryValue(exchange, "from=");
        String html = "<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Kommentar</title></head>"
                + "<body><div class=\"c\"><b>Anna Andersson</b><p>Kommentar med inbäddat innehåll.</p></div>"
                + "<img src=\"http://" + escape(from) + "/pixel.png\" width=\"10\" height=\"10\">"
                + "<script>fetch('http://" + escape(from) + "/track').catch(() => {});"
                + " try { new WebSocket('ws://" + escape(from) + "/live'); } catch (e) {}</script>"
                + "<div style=\"height:600px\"></div></body></html>";
        respond(exchange, 200, html);
    }

    private static String queryValue(HttpExchange exchange, String prefix) {
        String query = exchange.getRequestURI().getRawQuery();
        return query != null && query.startsWith(prefix)
                ? URLDecoder.decode(query.substring(prefix.length()), StandardCharsets.UTF_8) : "";
    }

    private void comment(HttpExchange exchange) throws IOException {
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
