package se.kommun.moderation.classification.training;

import java.util.Objects;
import se.kommun.moderation.events.Route;

/**
 * One line of a corpus file (the dev-set form), with the file it came from: the writer, whose
 * comments are held out together so that a measurement asks how the model does on someone new.
 */
public record LabelledComment(String id, String text, Route route, String subtype, boolean needsResponse,
        String writer) {

    public LabelledComment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(subtype, "subtype");
    }

    /** The class the model learns: route and subtype ("CRIMINAL/threat"). */
    public String modelClass() {
        return route.name() + "/" + subtype;
    }
}
