package se.kommun.moderation.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's decision about one comment (case → classification, archive). Confirmations and
 * overrides carry what the classifier said ({@code classified*}, its reasons' detectors and rule set)
 * next to what the person decided, so the classifier can measure its agreement per detector.
 * Legal holds carry a {@code reference} (e.g. the diary number of the request for access).
 */
@EventType(name = "ModerationDecided", version = 1)
public record ModerationDecided(
        UUID decisionId,
        DecisionKind kind,
        UUID classificationEventId,
        Route classifiedRoute,
        String classifiedSubtype,
        List<String> classifiedDetectors,
        String ruleSetVersion,
        Route decidedRoute,
        String decidedSubtype,
        String reference,
        String reason,
        String decidedBy,
        Instant decidedAt) {

    public ModerationDecided {
        Objects.requireNonNull(decisionId, "decisionId is required");
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(decidedBy, "decidedBy is required");
        Objects.requireNonNull(decidedAt, "decidedAt is required");
        classifiedDetectors = classifiedDetectors == null ? List.of() : List.copyOf(classifiedDetectors);
        if ((kind == DecisionKind.CONFIRMED || kind == DecisionKind.OVERRIDDEN)
                && (classifiedRoute == null || decidedRoute == null)) {
            throw new IllegalArgumentException(kind + " needs classifiedRoute and decidedRoute");
        }
    }
}
