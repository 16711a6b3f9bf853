package se.kommun.moderation.archive.evidence.domain;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One spelling per host, so that an allow-list entry and a request compare as equal strings: IP
 * literals in the JDK's canonical form, names in lower-case ASCII (IDNA) without a trailing dot.
 */
public final class HostNames {

    /** Longer names than DNS allows are refused rather than shortened. */
    private static final int MAX_NAME = 253;
    /** Host names go into bundles and reasons; this keeps a made-up one from filling them. */
    private static final int MAX_SHOWN = 80;
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");

    private HostNames() {
    }

    /** The canonical spelling, or empty when this is not a host name or IP literal at all. */
    public static Optional<String> normalize(String host) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String h = host.trim();
        Optional<String> literal = IpLiterals.parse(h).map(a -> a.getHostAddress());
        if (literal.isPresent()) {
            return literal;
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        try {
            h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return h.length() <= MAX_NAME && NAME.matcher(h).matches() ? Optional.of(h) : Optional.empty();
    }

    /** For reasons and caveats: bounded in length. */
    public static String shown(String host) {
        return host.length() <= MAX_SHOWN ? host : host.substring(0, MAX_SHOWN) + "…";
    }

    /** {@code host} for the web's default ports, {@code host:port} otherwise. */
    public static String shown(String host, int port) {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return shown(port == 80 || port == 443 ? h : h + ":" + port);
    }
}
