package se.kommun.moderation.archive.evidence.domain;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/** The egress filter's answer for one host and port. */
public sealed interface EgressDecision {

    /**
     * The request may go out, to these addresses only (the ones that were checked; connecting to
     * them rather than to the name again is what stops a DNS answer from changing in between).
     */
    record Admitted(String host, int port, List<InetAddress> addresses) implements EgressDecision {
        public Admitted {
            addresses = List.copyOf(addresses);
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("an admitted request needs an address to go to");
            }
        }
    }

    record Refused(EgressRefusal refusal) implements EgressDecision {
        public Refused {
            Objects.requireNonNull(refusal);
        }
    }
}
