package se.kommun.moderation.archive.evidence.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a host as an IP address literal, without ever asking DNS: dotted-quad IPv4 and IPv6 (with
 * or without brackets). Anything else is a name, even if some resolver would read it as a number
 * ({@code 2130706433}, {@code 0x7f.1}): such names are never on an allow-list, and if one were,
 * its resolved address is still checked.
 */
public final class IpLiterals {

    private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private IpLiterals() {
    }

    public static Optional<InetAddress> parse(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        Matcher quad = DOTTED_QUAD.matcher(host);
        if (quad.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(quad.group(i + 1));
                if (part > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) part;
            }
            return Optional.of(byAddress(bytes));
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.indexOf(':') < 0) {
            return Optional.empty();
        }
        try {
            // In brackets the JDK only parses an IPv6 literal; it never looks the string up.
            return Optional.of(InetAddress.getByName("[" + bare + "]"));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    public static boolean isLiteral(String host) {
        return parse(host).isPresent();
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
