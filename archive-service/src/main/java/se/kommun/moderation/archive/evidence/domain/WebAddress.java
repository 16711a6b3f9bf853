package se.kommun.moderation.archive.evidence.domain;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an http(s) URL points: scheme, canonical host and port. A URL this cannot read is not
 * opened at all (the browser may be more lenient, but the filtering proxy decides in the end, and
 * an unreadable permalink is better refused than guessed at).
 */
public record WebAddress(String scheme, String host, int port) {

    public static Optional<WebAddress> parse(String url) {
        // Browsers read a backslash as a slash ("http://evil.example\\@facebook.com/" goes to
        // evil.example) where java.net.URI sees user info: refuse what the two would read differently.
        if (url == null || url.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort;
        if ("http".equals(scheme)) {
            defaultPort = 80;
        } else if ("https".equals(scheme)) {
            defaultPort = 443;
        } else {
            return Optional.empty();
        }
        String host = uri.getHost();
        int port = uri.getPort();
        if (host == null) {
            // java.net.URI gives no host for international names (www.håbo.se); read the authority.
            // Raw: a percent-encoded host is refused rather than decoded the way this or that parser does.
            String authority = uri.getRawAuthority();
            if (authority == null) {
                return Optional.empty();
            }
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = authority.lastIndexOf(':');
            if (colon >= 0 && authority.indexOf(']') < colon) {
                try {
                    port = Integer.parseInt(authority.substring(colon + 1));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                authority = authority.substring(0, colon);
            }
            host = authority;
        }
        if (port == 0 || port > 65535) {
            return Optional.empty();
        }
        int effectivePort = port < 0 ? defaultPort : port;
        return HostNames.normalize(host).map(h -> new WebAddress(scheme, h, effectivePort));
    }
}
