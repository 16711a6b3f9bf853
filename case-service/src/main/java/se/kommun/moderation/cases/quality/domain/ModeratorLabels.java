package se.kommun.moderation.cases.quality.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.diarium.persistence.Diarium;
import se.kommun.moderation.cases.quality.persistence.ModeratorLabelEntity;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.StorableText;

/**
 * Learning from moderators: every confirmation or override of a comment's route becomes the
 * comment's label for the classifier's training corpus, one per comment, the latest decision
 * winning. Each method joins the caller's transaction and refuses to run without one, so a label
 * exists exactly when the decision it stands for was committed.
 */
@ApplicationScoped
public class ModeratorLabels {

    @Inject
    Diarium diarium;

    /**
     * The label of a person's decision on the comment as it is on the desk now. Call it before the
     * decision moves the comment on the desk: until a person moved it, the desk's route is the
     * classifier's.
     */
    @Transactional(TxType.MANDATORY)
    public ModeratorLabelEntity record(DeskCommentEntity comment, Route decidedRoute, String decidedSubtype,
            String decidedBy, Instant decidedAt) {
        Objects.requireNonNull(decidedRoute, "decidedRoute");
        Objects.requireNonNull(decidedBy, "decidedBy");
        // Two decisions on one comment in parallel (the queue and a review) queue here, not on the key.
        diarium.lockComment(comment.commentKey);
        ModeratorLabelEntity label = ModeratorLabelEntity.findById(comment.commentKey);
        boolean fresh = label == null;
        if (fresh) {
            label = new ModeratorLabelEntity();
            label.commentKey = comment.commentKey;
        }
        if (fresh || !label.classifiedEvent.equals(comment.classifiedEvent)) {
            // A second decision on the same classification keeps what the classifier said: by then
            // the desk may show the first person's route instead.
            label.classifiedEvent = comment.classifiedEvent;
            label.classifierRoute = Route.valueOf(comment.route);
            label.classifierSubtype = comment.subtype;
            label.ruleSetVersion = comment.ruleSetVersion;
        }
        label.platform = comment.platform;
        label.text = comment.text;
        label.culledAt = comment.culledAt;
        label.editedAt = null;
        label.route = decidedRoute;
        label.subtype = subtypeOf(comment, decidedRoute, decidedSubtype);
        label.needsResponse = needsResponse(decidedRoute, comment.needsResponse);
        label.decision = decidedRoute == label.classifierRoute ? DecisionKind.CONFIRMED : DecisionKind.OVERRIDDEN;
        label.decidedAt = decidedAt;
        label.decidedBy = decidedBy;
        if (fresh) {
            label.persist();
        }
        return label;
    }

    /** The archive culled the record: its text leaves the corpus too, and the line is no longer exported. */
    @Transactional(TxType.MANDATORY)
    public void culled(String commentKey, Instant culledAt) {
        ModeratorLabelEntity.update("text = null, culledAt = ?2 where commentKey = ?1 and culledAt is null",
                commentKey, culledAt);
    }

    /**
     * The comment was classified again. When its text changed (the writer edited it) the person's
     * decision was about words the comment no longer has, and the line leaves the export until a
     * person decides on the new version. A new rule set classifying the same words changes nothing.
     */
    @Transactional(TxType.MANDATORY)
    public void classifiedAgain(String commentKey, String text, Instant at) {
        ModeratorLabelEntity label = ModeratorLabelEntity.findById(commentKey);
        if (label != null && label.culledAt == null && label.editedAt == null
                && !Objects.equals(label.text, StorableText.of(text))) {
            label.editedAt = at;
        }
    }

    /** The person's subtype; when they kept the desk's route and named none, the desk's subtype stands. */
    private static String subtypeOf(DeskCommentEntity comment, Route decidedRoute, String decidedSubtype) {
        if (decidedSubtype != null && !decidedSubtype.isBlank()) {
            return decidedSubtype.strip().toLowerCase(Locale.ROOT);
        }
        return decidedRoute.name().equals(comment.route) ? comment.subtype : null;
    }

    /**
     * The labelling guide fixes whether a criminal comment (never) or a confidential one (always)
     * is answered; for the other routes a person decided the route, not the answer, so the
     * classifier's flag stands.
     */
    private static boolean needsResponse(Route route, boolean classified) {
        return switch (route) {
            case CRIMINAL -> false;
            case CONFIDENTIAL -> true;
            default -> classified;
        };
    }
}
