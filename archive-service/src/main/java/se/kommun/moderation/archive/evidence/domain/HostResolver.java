package se.kommun.moderation.archive.evidence.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks a host name up. The egress filter asks once per request and connects to what it checked. */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver (system DNS, /etc/hosts, the JVM's cache). */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
