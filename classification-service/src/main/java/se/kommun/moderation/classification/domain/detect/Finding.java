package se.kommun.moderation.classification.domain.detect;

import java.util.List;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * What one detector concluded: a route and subtype, a score in [0, 1], the reasons (spans in the
 * original text) and whether the writer expects an answer.
 */
public record Finding(String detector, Route route, String subtype, double score, List<Reason> reasons,
        boolean wantsAnswer) {

    public Finding {
        reasons = List.copyOf(reasons);
        score = Math.max(0.0, Math.min(1.0, score));
    }
}
