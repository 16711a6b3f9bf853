package se.kommun.moderation.cases.actions.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.kommun.moderation.cases.actions.domain.DecisionPoint;
import se.kommun.moderation.cases.actions.domain.Escalations;
import se.kommun.moderation.cases.actions.domain.ModeratorQueue;
import se.kommun.moderation.cases.actions.persistence.RemovalEntity;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.desk.rest.Actor;
import se.kommun.moderation.cases.desk.rest.Params;
import se.kommun.moderation.cases.desk.rest.ReasonView;
import se.kommun.moderation.cases.tasks.persistence.TaskEntity;
import se.kommun.moderation.cases.tasks.rest.TaskView;
import se.kommun.moderation.events.CommandAction;
import se.kommun.moderation.events.Route;

/**
 * The moderators' queue: removals waiting for a person (to confirm, to retry after a failure, or
 * just waiting for the archive's evidence), reviews of comments the classifier let through unsure
 * (decided at {@code /queue/reviews/{key}}), and open tasks by deadline. Removals and reviews come
 * with the classifier's reasons.
 */
@Path("/queue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"moderator", "admin"})
public class QueueResource {

    @Inject
    DecisionPoint decisionPoint;

    @Inject
    Escalations escalations;

    @Inject
    ModeratorQueue queue;

    @Inject
    Actor actor;

    public record QueuedRemoval(String commentKey, UUID caseId, String action, String state, boolean automatic,
            String route, String subtype, double confidence, boolean reviewRequired, List<String> detectors,
            String platform, String authorName, String text, String permalink, Instant receivedAt, String outcome,
            List<ReasonView> reasons) {
    }

    /** A REVIEW task with the comment it is about. */
    public record QueuedReview(UUID taskId, String commentKey, UUID caseId, String kind, String status,
            String assignee, Instant dueAt, boolean overdue, String route, String subtype, double confidence,
            List<String> detectors, String platform, String authorName, String text, String permalink,
            Instant receivedAt, List<ReasonView> reasons) {
    }

    /** {@code tasks} lists every open task, the reviews among them; {@code reviews} shows those with their comments. */
    public record Queue(List<QueuedRemoval> removals, List<QueuedReview> reviews, List<TaskView> tasks) {
    }

    public record Confirmation(String action, String reason) {
    }

    public record Rejection(String route, String subtype, String reason) {
    }

    /** Moving a comment the classifier let through into the removal lane. */
    public record Escalation(String route, String subtype, String reason) {
    }

    @GET
    @Transactional
    public Queue queue() {
        ModeratorQueue.Snapshot snapshot = queue.read();
        Instant now = Instant.now();
        return new Queue(
                snapshot.removals().stream().map(r -> view(r, snapshot.comments().get(r.commentKey))).toList(),
                snapshot.reviews().stream().map(t -> review(t, snapshot.comments().get(t.commentKey), now)).toList(),
                snapshot.tasks().stream().map(t -> TaskView.of(t, now)).toList());
    }

    @POST
    @Path("/removals/{commentKey}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public QueuedRemoval confirm(@PathParam("commentKey") String commentKey, Confirmation request) {
        Optional<CommandAction> action = Optional.ofNullable(request == null ? null : request.action())
                .filter(a -> !a.isBlank()).map(a -> Params.parseEnum(CommandAction.class, a, "action"));
        RemovalEntity removal = decisionPoint.confirm(commentKey, action, request == null ? null : request.reason(),
                actor.name());
        return view(removal, null);
    }

    @POST
    @Path("/removals/{commentKey}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public QueuedRemoval reject(@PathParam("commentKey") String commentKey, Rejection request) {
        if (request == null || request.route() == null || request.reason() == null || request.reason().isBlank()) {
            throw new BadRequestException("route and reason are required");
        }
        Route route = Params.parseEnum(Route.class, request.route(), "route");
        return view(decisionPoint.reject(commentKey, route, request.subtype(), request.reason(), actor.name()), null);
    }

    @POST
    @Path("/comments/{commentKey}/escalate")
    @Consumes(MediaType.APPLICATION_JSON)
    public QueuedRemoval escalate(@PathParam("commentKey") String commentKey, Escalation request) {
        if (request == null || request.route() == null) {
            throw new BadRequestException("route and reason are required");
        }
        Route route = Params.parseEnum(Route.class, request.route(), "route");
        return view(escalations.escalate(commentKey, route, request.subtype(), request.reason(), actor.name()), null);
    }

    private static QueuedRemoval view(RemovalEntity r, DeskCommentEntity c) {
        return new QueuedRemoval(r.commentKey, r.caseId, r.action.name(), r.state.name(), r.automatic,
                c == null ? null : c.route, c == null ? null : c.subtype, c == null ? 0 : c.confidence,
                c != null && c.reviewRequired, c == null ? List.of() : c.detectorList(), c == null ? null : c.platform,
                c == null ? null : c.authorName, c == null ? null : c.text, c == null ? null : c.permalink,
                c == null ? null : c.receivedAt, r.outcomeMessage, ReasonView.of(c));
    }

    private static QueuedReview review(TaskEntity t, DeskCommentEntity c, Instant now) {
        TaskView task = TaskView.of(t, now);
        return new QueuedReview(t.id, t.commentKey, t.caseId, task.kind(), task.status(), t.assignee, t.dueAt,
                task.overdue(), c == null ? null : c.route, c == null ? null : c.subtype, c == null ? 0 : c.confidence,
                c == null ? List.of() : c.detectorList(), c == null ? null : c.platform,
                c == null ? null : c.authorName, c == null ? null : c.text, c == null ? null : c.permalink,
                c == null ? null : c.receivedAt, ReasonView.of(c));
    }
}
