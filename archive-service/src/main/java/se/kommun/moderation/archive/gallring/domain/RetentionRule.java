package se.kommun.moderation.archive.gallring.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import se.kommun.moderation.events.Route;

/**
 * One retention rule: records on {@code route} (and {@code subtype}, when given) are culled
 * {@code cullAfter} after receipt under the culling decision {@code decisionReference}; without a
 * {@code cullAfter} they are kept under it.
 */
public record RetentionRule(String name, Route route, Optional<String> subtype, Optional<Duration> cullAfter,
        Optional<String> decisionReference) {

    public RetentionRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(route, "route of rule " + name);
        subtype = subtype.filter(s -> !s.isBlank());
        decisionReference = decisionReference.filter(s -> !s.isBlank());
        cullAfter.ifPresent(d -> {
            if (d.isNegative()) {
                throw new IllegalArgumentException("rule " + name + ": cull-after must not be negative");
            }
        });
    }

    /** Culls at all: a retention period and the decision that allows it. */
    public boolean culls() {
        return cullAfter.isPresent() && decisionReference.isPresent();
    }

    boolean covers(Route route, String subtype) {
        return this.route == route && this.subtype.map(s -> s.equals(subtype)).orElse(true);
    }
}
