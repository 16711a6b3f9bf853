package se.kommun.moderation.classification.domain;

import java.util.List;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/** What a rule set decided about one text, and why. */
public record Verdict(Route route, String subtype, List<Route> flags, double confidence, boolean needsResponse,
        List<Reason> reasons) {
}
