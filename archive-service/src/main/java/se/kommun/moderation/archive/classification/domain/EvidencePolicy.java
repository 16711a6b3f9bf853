package se.kommun.moderation.archive.classification.domain;

import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.Route;

/**
 * Which classified comments get evidence captured before anyone may remove them: CONFIDENTIAL and
 * CRIMINAL, as the route or as a flag (a threat inside a complaint may be removed too).
 */
public final class EvidencePolicy {

    private EvidencePolicy() {
    }

    public static boolean needsEvidence(CommentClassified classified) {
        return removable(classified.route()) || classified.flags().stream().anyMatch(EvidencePolicy::removable);
    }

    private static boolean removable(Route route) {
        return route == Route.CONFIDENTIAL || route == Route.CRIMINAL;
    }
}
