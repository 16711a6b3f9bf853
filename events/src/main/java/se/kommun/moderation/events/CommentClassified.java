package se.kommun.moderation.events;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The flowchart's verdict on one received comment version. {@code flags} holds every route whose
 * detectors matched, so downstream can act on, say, a threat inside a complaint.
 */
@EventType(name = "CommentClassified", version = 1)
public record CommentClassified(
        UUID sourceEventId,
        Route route,
        String subtype,
        List<Route> flags,
        double confidence,
        boolean needsResponse,
        boolean reviewRequired,
        List<Reason> reasons,
        String ruleSetVersion,
        ClassifiedComment comment) {

    public CommentClassified {
        Objects.requireNonNull(sourceEventId, "sourceEventId is required");
        Objects.requireNonNull(route, "route is required");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion is required");
        Objects.requireNonNull(comment, "comment is required");
        if (confidence < 0.0 || confidence > 1.0) {
            throw new IllegalArgumentException("confidence must be within [0, 1], was " + confidence);
        }
        flags = flags == null ? List.of() : List.copyOf(flags);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
