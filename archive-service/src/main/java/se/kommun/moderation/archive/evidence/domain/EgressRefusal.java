package se.kommun.moderation.archive.evidence.domain;

/**
 * Why the browser may not reach a host. {@code reason} names the host (bounded) and, for an
 * address, its kind; it never carries anything the host sent, so it is safe in a bundle.
 */
public record EgressRefusal(String host, int port, String reason) {

    /** The refused destination as the caveat lists it: {@code host}, or {@code host:port} off the web's default ports. */
    public String destination() {
        return HostNames.shown(host, port);
    }
}
