package se.kommun.moderation.classification.domain;

import java.util.List;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * What the classifier decided about one text, and why. {@code reviewRequired}: a person must look
 * before anything irreversible happens, whatever the route.
 */
public record Verdict(Route route, String subtype, List<Route> flags, double confidence, boolean needsResponse,
        boolean reviewRequired, List<Reason> reasons) {
}
