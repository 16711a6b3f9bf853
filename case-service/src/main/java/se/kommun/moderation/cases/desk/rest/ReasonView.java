package se.kommun.moderation.cases.desk.rest;

import java.util.List;
import se.kommun.moderation.cases.desk.domain.ClassifierReasons;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.events.Reason;

/**
 * One of the classifier's reasons as a moderator sees it: what the classifier said, and the span of
 * the comment it points at ({@code span} is null once the text is culled).
 */
public record ReasonView(String detector, String route, String subtype, int start, int end, double weight,
        String span) {

    public static List<ReasonView> of(DeskCommentEntity comment) {
        if (comment == null) {
            return List.of();
        }
        return ClassifierReasons.read(comment.reasons).stream().map(r -> of(r, comment.text)).toList();
    }

    private static ReasonView of(Reason reason, String text) {
        return new ReasonView(reason.detector(), reason.route() == null ? null : reason.route().name(),
                reason.subtype(), reason.start(), reason.end(), reason.weight(), ClassifierReasons.spanOf(text, reason));
    }
}
