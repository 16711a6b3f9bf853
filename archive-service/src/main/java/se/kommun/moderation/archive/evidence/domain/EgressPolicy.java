package se.kommun.moderation.archive.evidence.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where the evidence browser may go for one capture: the hosts allowed for the comment's platform
 * (or web/blog account), and only at public addresses. Every request the browser makes is put to
 * {@link #admit}: the permalink before it is opened, and through the filtering proxy each
 * redirect, image, script, fetch and websocket.
 *
 * <ul>
 *   <li>An IP literal that is not public is refused for what it is ("loopback"), unless an entry
 *       names exactly that address and port.</li>
 *   <li>A name that is not allowed is refused without looking it up, so a comment cannot make the
 *       archive ask DNS about a name of its choosing.</li>
 *   <li>An allowed name is looked up once; if any address is not public the request is refused (a
 *       name is only as public as the worst of its addresses), otherwise the checked addresses
 *       are what the caller connects to.</li>
 * </ul>
 */
public final class EgressPolicy {

    private final String scope;
    private final List<AllowedHost> allowed;
    private final HostResolver resolver;

    /**
     * @param scope what the hosts are allowed for, as the reasons say it ("facebook", "web account demo")
     */
    public EgressPolicy(String scope, List<AllowedHost> allowed, HostResolver resolver) {
        this.scope = scope;
        this.allowed = List.copyOf(allowed);
        this.resolver = resolver;
    }

    /** A policy from allow-list entries as configured ({@code host} or {@code host:port}), with the system resolver. */
    public static EgressPolicy allowing(String scope, List<String> entries) {
        return new EgressPolicy(scope, entries.stream().map(AllowedHost::parse).toList(), HostResolver.system());
    }

    /** Refuses everything: what the browser gets between captures. */
    public static EgressPolicy nothing(String scope) {
        return new EgressPolicy(scope, List.of(), host -> List.of());
    }

    public String scope() {
        return scope;
    }

    public List<AllowedHost> allowed() {
        return allowed;
    }

    public EgressDecision admit(WebAddress address) {
        return admit(address.host(), address.port());
    }

    public EgressDecision admit(String host, int port) {
        Optional<String> canonical = HostNames.normalize(host);
        if (canonical.isEmpty()) {
            return refuse(host == null ? "" : host, port, "the host could not be read");
        }
        String h = canonical.get();
        boolean exact = allowed.stream().anyMatch(e -> e.allowsExactly(h, port));
        boolean byName = exact || allowed.stream().anyMatch(e -> e.allowsByName(h));
        Optional<InetAddress> literal = IpLiterals.parse(h);
        if (literal.isPresent()) {
            if (exact) {
                return new EgressDecision.Admitted(h, port, List.of(literal.get()));
            }
            Optional<String> kind = NonPublicAddresses.kind(literal.get());
            if (kind.isPresent()) {
                return refuse(h, port, "host " + HostNames.shown(h) + " is not a public address (" + kind.get() + ")");
            }
            return byName ? new EgressDecision.Admitted(h, port, List.of(literal.get())) : notAllowed(h, port);
        }
        if (!byName) {
            return notAllowed(h, port);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(h);
        } catch (UnknownHostException e) {
            addresses = List.of();
        }
        if (addresses.isEmpty()) {
            return refuse(h, port, "host " + HostNames.shown(h) + " could not be resolved");
        }
        if (!exact) {
            for (InetAddress address : addresses) {
                Optional<String> kind = NonPublicAddresses.kind(address);
                if (kind.isPresent()) {
                    return refuse(h, port, "host " + HostNames.shown(h) + " resolves to " + address.getHostAddress()
                            + ", which is not a public address (" + kind.get() + ")");
                }
            }
        }
        return new EgressDecision.Admitted(h, port, addresses);
    }

    private EgressDecision notAllowed(String host, int port) {
        return refuse(host, port, "host " + HostNames.shown(host, port) + " is not allowed for " + scope);
    }

    private static EgressDecision refuse(String host, int port, String reason) {
        return new EgressDecision.Refused(new EgressRefusal(host, port, reason));
    }
}
