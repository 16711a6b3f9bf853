package se.kommun.moderation.archive.evidence.domain;

/**
 * One entry of an egress allow-list. {@code facebook.com} allows that host and every subdomain
 * (www.facebook.com, static.xx.fbcdn.net for {@code fbcdn.net}) on any port, as long as it
 * resolves to public addresses only. {@code 127.0.0.1:43123} allows exactly that host and port
 * and nothing else, whatever it resolves to: that is the only way to let the browser reach a
 * non-public address (the fake page server in tests, a staging site), and it takes a deliberate
 * entry naming the port.
 */
public record AllowedHost(String host, int port) {

    /** {@link #port()} of an entry without a port. */
    public static final int ANY_PORT = 0;

    public AllowedHost {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Reads {@code host}, {@code host:port} or {@code [v6]:port}; throws with the entry for anything else. */
    public static AllowedHost parse(String entry) {
        String e = entry == null ? "" : entry.trim();
        String host = e;
        int port = ANY_PORT;
        int colon = e.lastIndexOf(':');
        boolean bracketed = e.startsWith("[");
        if (bracketed ? colon > e.indexOf(']') : colon > 0 && e.indexOf(':') == colon) {
            host = e.substring(0, colon);
            try {
                port = Integer.parseInt(e.substring(colon + 1));
            } catch (NumberFormatException ex) {
                throw invalid(entry);
            }
            if (port < 1 || port > 65535) {
                throw invalid(entry);
            }
        }
        String canonical = HostNames.normalize(host).orElseThrow(() -> invalid(entry));
        return new AllowedHost(canonical, port);
    }

    public boolean hasPort() {
        return port != ANY_PORT;
    }

    /** This entry names exactly this host and port: the request may go wherever the host resolves. */
    public boolean allowsExactly(String canonicalHost, int requestPort) {
        return hasPort() && port == requestPort && host.equals(canonicalHost);
    }

    /** This entry allows the host by name (itself or a subdomain); its addresses must still be public. */
    public boolean allowsByName(String canonicalHost) {
        if (hasPort()) {
            return false;
        }
        if (host.equals(canonicalHost)) {
            return true;
        }
        // An IP literal has no subdomains.
        return !IpLiterals.isLiteral(host) && !IpLiterals.isLiteral(canonicalHost)
                && canonicalHost.endsWith("." + host);
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException("not a host or host:port allow-list entry: '" + entry + "'");
    }

    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return hasPort() ? h + ":" + port : h;
    }
}
