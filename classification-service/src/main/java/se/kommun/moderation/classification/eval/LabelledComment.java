package se.kommun.moderation.classification.eval;

import se.kommun.moderation.events.Route;

/** One line of a corpus: the text and, when the line has them, its gold labels (null otherwise). */
record LabelledComment(String id, String text, Route route, String subtype, Boolean needsResponse) {

    boolean labelled() {
        return route != null;
    }
}
