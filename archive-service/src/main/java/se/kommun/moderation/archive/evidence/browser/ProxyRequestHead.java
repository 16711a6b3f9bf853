package se.kommun.moderation.archive.evidence.browser;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The head of one request the browser sent its proxy: {@code CONNECT host:port} for a TLS or
 * websocket tunnel, or an absolute-form plain-HTTP request ({@code GET http://host:port/path}).
 * Read with a size limit, so a client cannot make the proxy buffer without end.
 */
final class ProxyRequestHead {

    /** The head could not be read as an HTTP request; the proxy answers 400. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** The head is larger than the limit; the proxy answers 431. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super("request head too large", null, false, false);
        }
    }

    /** Hop-by-hop headers that are the proxy's business, not the origin's; {@code Upgrade} because the plain path only relays one response. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "proxy-connection", "keep-alive",
            "proxy-authorization", "proxy-authenticate", "te", "trailer", "upgrade");

    private final String method;
    private final String target;
    private final String version;
    private final List<String[]> headers;

    private ProxyRequestHead(String method, String target, String version, List<String[]> headers) {
        this.method = method;
        this.target = target;
        this.version = version;
        this.headers = headers;
    }

    /**
     * Reads up to the blank line that ends the head, and not one byte further (what follows
     * belongs to the body or the tunnel). Empty when the client closed before sending anything.
     */
    static Optional<ProxyRequestHead> read(InputStream in, int maxBytes) throws IOException, Malformed, TooLarge {
        byte[] buffer = new byte[Math.min(maxBytes, 8192)];
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (length == 0) {
                    return Optional.empty();
                }
                throw new Malformed("the request head ended early");
            }
            if (length == maxBytes) {
                throw new TooLarge();
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(maxBytes, buffer.length * 2));
            }
            buffer[length++] = (byte) b;
            if (length >= 4 && buffer[length - 4] == '\r' && buffer[length - 3] == '\n' && buffer[length - 2] == '\r'
                    && buffer[length - 1] == '\n') {
                return Optional.of(parse(new String(buffer, 0, length - 4, StandardCharsets.ISO_8859_1)));
            }
        }
    }

    private static ProxyRequestHead parse(String head) throws Malformed {
        String[] lines = head.split("\r\n", -1);
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            throw new Malformed("not an HTTP/1.x request line");
        }
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new Malformed("a header line without a name");
            }
            headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
        }
        return new ProxyRequestHead(requestLine[0], requestLine[1], requestLine[2], headers);
    }

    boolean isConnect() {
        return "CONNECT".equals(method);
    }

    /** Where the request wants to go: the CONNECT authority, or the absolute URL's host and port. */
    Destination destination() throws Malformed {
        if (isConnect()) {
            int colon = target.lastIndexOf(':');
            if (colon <= 0 || target.indexOf(']') > colon) {
                throw new Malformed("CONNECT needs host:port");
            }
            return new Destination(target.substring(0, colon), port(target.substring(colon + 1)));
        }
        URI uri = absoluteHttpTarget();
        return new Destination(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
    }

    /** The bytes to send the origin for a plain-HTTP request: origin-form target, the proxy's own headers dropped, one request per connection. */
    byte[] forOrigin() throws Malformed {
        URI uri = absoluteHttpTarget();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder out = new StringBuilder(method).append(' ').append(path);
        if (uri.getRawQuery() != null) {
            out.append('?').append(uri.getRawQuery());
        }
        out.append(' ').append(version).append("\r\n");
        for (String[] header : headers) {
            if (!HOP_BY_HOP.contains(header[0].toLowerCase(Locale.ROOT))) {
                out.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
        }
        // The proxy relays one response and then closes: a second request on this connection would
        // reach the origin without being checked.
        out.append("Connection: close\r\n\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The request body's length; empty for none. A chunked body is refused: its end cannot be known without decoding it. */
    OptionalLong contentLength() throws Malformed {
        OptionalLong length = OptionalLong.empty();
        for (String[] header : headers) {
            String name = header[0].toLowerCase(Locale.ROOT);
            if (name.equals("transfer-encoding")) {
                throw new Malformed("chunked request bodies are not relayed");
            }
            if (name.equals("content-length")) {
                try {
                    long n = Long.parseLong(header[1]);
                    if (n < 0 || length.isPresent() && length.getAsLong() != n) {
                        throw new Malformed("bad Content-Length");
                    }
                    length = OptionalLong.of(n);
                } catch (NumberFormatException e) {
                    throw new Malformed("bad Content-Length");
                }
            }
        }
        return length;
    }

    private URI absoluteHttpTarget() throws Malformed {
        if (!target.regionMatches(true, 0, "http://", 0, 7)) {
            throw new Malformed("only CONNECT and absolute http:// requests are proxied");
        }
        try {
            URI uri = URI.create(target);
            if (uri.getHost() == null) {
                throw new Malformed("no host in the request target");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new Malformed("the request target is not a URL");
        }
    }

    private static int port(String text) throws Malformed {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new Malformed("port out of range");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new Malformed("not a port");
        }
    }

    /** A request's destination as the client named it (the policy normalises it). */
    record Destination(String host, int port) {
    }
}
