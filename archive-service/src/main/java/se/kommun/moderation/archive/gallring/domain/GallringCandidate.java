package se.kommun.moderation.archive.gallring.domain;

import java.time.Instant;
import se.kommun.moderation.events.Route;

/**
 * A record with content left to cull, as gallring sees it.
 *
 * @param route           the route the archive acts on; null while unknown (unclassified, or a
 *                        classification that awaits human review)
 * @param firstReceivedAt when the record's first version arrived
 * @param lastReceivedAt  when its latest version arrived (the retention period runs from here)
 * @param activeHold      the reference of an active legal hold, or null
 */
public record GallringCandidate(String commentKey, Route route, String subtype, String classifiedRoute,
        boolean reviewPending, Instant firstReceivedAt, Instant lastReceivedAt, int versions, String activeHold) {
}
