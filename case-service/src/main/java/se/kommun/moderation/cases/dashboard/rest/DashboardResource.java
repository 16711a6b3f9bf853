package se.kommun.moderation.cases.dashboard.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import se.kommun.moderation.cases.actions.domain.DecisionPoint;
import se.kommun.moderation.cases.actions.domain.Escalations;
import se.kommun.moderation.cases.actions.domain.ModeratorQueue;
import se.kommun.moderation.cases.actions.domain.Replies;
import se.kommun.moderation.cases.actions.domain.RemovalState;
import se.kommun.moderation.cases.actions.persistence.RemovalEntity;
import se.kommun.moderation.cases.config.CaseConfig;
import se.kommun.moderation.cases.desk.domain.ClassifierReasons;
import se.kommun.moderation.cases.desk.domain.DeskRuleException;
import se.kommun.moderation.cases.desk.domain.MarkedText;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.desk.rest.Actor;
import se.kommun.moderation.cases.review.domain.ReviewDesk;
import se.kommun.moderation.cases.tasks.domain.TaskKind;
import se.kommun.moderation.cases.tasks.persistence.TaskEntity;
import se.kommun.moderation.events.CommandAction;
import se.kommun.moderation.events.Route;

/**
 * The moderators' dashboard: the queue as a server-rendered page. Everything citizens wrote is
 * escaped by the template engine (a comment's text reaches it as plain parts, the classifier's
 * spans marked by the template, never as markup); links are only made of http(s) permalinks; the
 * page allows no script at all (Content-Security-Policy), and cross-site form posts are refused by
 * the CORS filter's origin check.
 */
@Path("/dashboard")
@RolesAllowed({"moderator", "admin"})
public class DashboardResource {

    /** What stands in for a confidential comment's text outside the removal queue. */
    private static final String HIDDEN = "[sekretess]";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Inject
    DecisionPoint decisionPoint;

    @Inject
    Replies replies;

    @Inject
    Escalations escalations;

    @Inject
    ReviewDesk reviews;

    @Inject
    ModeratorQueue queue;

    @Inject
    Actor actor;

    @Inject
    CaseConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(String user, String notice, List<RemovalRow> removals,
                List<ReviewRow> reviews, List<TaskRow> tasks);
    }

    /** A removal as the page shows it; every string here is escaped on output. */
    public record RemovalRow(String commentKey, String state, String action, boolean automatic, String route,
            String subtype, String confidence, String detectors, String platform, String author,
            List<MarkedText.Part> text, List<ReasonRow> reasons, String permalink, String received, String outcome,
            boolean confirmable) {
    }

    /** A comment the classifier let through unsure, waiting for a person's route. */
    public record ReviewRow(String commentKey, String due, boolean overdue, String route, String subtype,
            String confidence, String platform, String author, List<MarkedText.Part> text, List<ReasonRow> reasons,
            String permalink, String received) {
    }

    /** One of the classifier's reasons; {@code span} is empty when the text is not shown. */
    public record ReasonRow(String detector, String route, String subtype, String weight, String span) {
    }

    public record TaskRow(UUID id, String kind, String status, String assignee, String due, boolean overdue,
            String commentKey, String text, String permalink, boolean answerable) {
    }

    /**
     * What an action's redirect may show. Only these fixed texts: a link with its own
     * {@code ?notice=} text would let anyone put words on the municipality's dashboard.
     */
    enum Notice {
        CONFIRMED("Borttagning bekräftad; den skickas när bevisen är säkrade."),
        KEPT("Kommentaren ligger kvar; beslutet är registrerat."),
        ESCALATED("Kommentaren tas bort när bevisen är säkrade."),
        REVIEW_CONFIRMED("Bedömningen är bekräftad."),
        REVIEW_DECIDED("Den nya bedömningen är registrerad."),
        REPLIED("Svaret är skickat.");

        final String text;

        Notice(String text) {
            this.text = text;
        }

        static String textOf(String code) {
            for (Notice notice : values()) {
                if (notice.name().equalsIgnoreCase(code)) {
                    return notice.text;
                }
            }
            return null;
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance queue(@QueryParam("notice") String notice) {
        return page(Notice.textOf(notice));
    }

    private TemplateInstance page(String notice) {
        ZoneId zone = config.registry().zone();
        ModeratorQueue.Snapshot snapshot = queue.read();
        Map<String, DeskCommentEntity> comments = snapshot.comments();
        Instant now = Instant.now();
        return Templates.queue(actor.name(), notice,
                snapshot.removals().stream().map(r -> removalRow(r, comments.get(r.commentKey), zone)).toList(),
                snapshot.reviews().stream().map(t -> reviewRow(t, comments.get(t.commentKey), zone, now)).toList(),
                snapshot.otherTasks().stream().map(t -> taskRow(t, comments.get(t.commentKey), zone, now)).toList());
    }

    @POST
    @Path("/removals/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@FormParam("commentKey") String commentKey, @FormParam("action") String action,
            @FormParam("reason") String reason) {
        return afterAction(() -> decisionPoint.confirm(commentKey,
                Optional.ofNullable(action).filter(a -> !a.isBlank())
                        .map(a -> CommandAction.valueOf(a.toUpperCase(Locale.ROOT))),
                reason, actor.name()), Notice.CONFIRMED);
    }

    @POST
    @Path("/removals/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@FormParam("commentKey") String commentKey, @FormParam("route") String route,
            @FormParam("reason") String reason) {
        return afterAction(() -> {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("ange ett skäl");
            }
            return decisionPoint.reject(commentKey, Route.valueOf(route.toUpperCase(Locale.ROOT)), null, reason,
                    actor.name());
        }, Notice.KEPT);
    }

    @POST
    @Path("/comments/escalate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response escalate(@FormParam("commentKey") String commentKey, @FormParam("route") String route,
            @FormParam("reason") String reason) {
        return afterAction(() -> escalations.escalate(commentKey,
                Route.valueOf(String.valueOf(route).toUpperCase(Locale.ROOT)), null, reason, actor.name()),
                Notice.ESCALATED);
    }

    @POST
    @Path("/reviews/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmReview(@FormParam("commentKey") String commentKey, @FormParam("reason") String reason) {
        return afterAction(() -> reviews.confirm(commentKey, reason, actor.name()), Notice.REVIEW_CONFIRMED);
    }

    /** Another route for a reviewed comment; into the removal lane it takes the escalation path. */
    @POST
    @Path("/reviews/decide")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decideReview(@FormParam("commentKey") String commentKey, @FormParam("route") String route,
            @FormParam("reason") String reason) {
        Optional<Route> decided = routeOf(route);
        Notice done = decided.filter(r -> r == Route.CRIMINAL || r == Route.CONFIDENTIAL).isPresent()
                ? Notice.ESCALATED : Notice.REVIEW_DECIDED;
        return afterAction(() -> reviews.decide(commentKey,
                decided.orElseThrow(() -> new IllegalArgumentException("välj en bedömning")), null, reason,
                actor.name()), done);
    }

    private static Optional<Route> routeOf(String value) {
        try {
            return Optional.ofNullable(value).map(v -> Route.valueOf(v.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @POST
    @Path("/tasks/reply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reply(@FormParam("taskId") UUID taskId, @FormParam("text") String text) {
        return afterAction(() -> replies.reply(taskId, text, null, null, actor.name()), Notice.REPLIED);
    }

    /**
     * Post/redirect/get with a fixed notice when the action was done; a refusal is answered with the
     * queue page itself (409), its reason shown on it, so no reason travels in a URL.
     */
    private Response afterAction(Supplier<?> action, Notice done) {
        try {
            action.get();
        } catch (DeskRuleException | IllegalArgumentException | NullPointerException e) {
            String reason = "Inte utfört: " + (e.getMessage() == null ? "ofullständigt formulär" : e.getMessage());
            return Response.status(Response.Status.CONFLICT).type(MediaType.TEXT_HTML_TYPE)
                    .entity(QuarkusTransaction.requiringNew().call(() -> page(reason))).build();
        }
        URI target = UriBuilder.fromPath("/dashboard").queryParam("notice", done.name().toLowerCase(Locale.ROOT)).build();
        return Response.seeOther(target).build();
    }

    private static RemovalRow removalRow(RemovalEntity r, DeskCommentEntity c, ZoneId zone) {
        // As before, the removal queue shows the text on every route (a removal is confirmed on what it says).
        String text = c == null ? null : c.text;
        return new RemovalRow(r.commentKey, r.state.name(), r.action.name(), r.automatic,
                c == null ? "" : c.route, c == null || c.subtype == null ? "" : c.subtype,
                c == null ? "" : String.format(Locale.ROOT, "%.2f", c.confidence),
                c == null ? "" : String.join(", ", c.detectorList()), c == null ? "" : c.platform,
                c == null || c.authorName == null ? "" : c.authorName, marked(c, text), reasonRows(c, text),
                c == null ? null : safeLink(c.permalink),
                c == null ? "" : LOCAL.format(c.receivedAt.atZone(zone)),
                r.outcomeMessage == null ? "" : r.outcomeMessage,
                r.state == RemovalState.AWAITING_CONFIRMATION || r.state == RemovalState.FAILED);
    }

    private static ReviewRow reviewRow(TaskEntity t, DeskCommentEntity c, ZoneId zone, Instant now) {
        // As in the task list: a confidential comment's text is not shown outside the removal queue.
        boolean hidden = c != null && c.text != null && "CONFIDENTIAL".equals(c.route);
        String visible = c == null || hidden ? null : c.text;
        return new ReviewRow(t.commentKey, t.dueAt == null ? "" : LOCAL.format(t.dueAt.atZone(zone)),
                t.dueAt != null && t.dueAt.isBefore(now), c == null ? "" : c.route,
                c == null || c.subtype == null ? "" : c.subtype,
                c == null ? "" : String.format(Locale.ROOT, "%.2f", c.confidence), c == null ? "" : c.platform,
                c == null || c.authorName == null ? "" : c.authorName,
                hidden ? List.of(new MarkedText.Part(HIDDEN, "")) : marked(c, visible),
                reasonRows(c, visible), c == null ? null : safeLink(c.permalink),
                c == null ? "" : LOCAL.format(c.receivedAt.atZone(zone)));
    }

    private static List<MarkedText.Part> marked(DeskCommentEntity c, String text) {
        return c == null ? List.of() : MarkedText.of(text, ClassifierReasons.read(c.reasons));
    }

    private static List<ReasonRow> reasonRows(DeskCommentEntity c, String text) {
        if (c == null) {
            return List.of();
        }
        return ClassifierReasons.read(c.reasons).stream().map(r -> {
            String span = ClassifierReasons.spanOf(text, r);
            return new ReasonRow(r.detector() == null ? "" : r.detector(), r.route() == null ? "" : r.route().name(),
                    r.subtype() == null ? "" : r.subtype(), String.format(Locale.ROOT, "%.2f", r.weight()),
                    span == null ? "" : span);
        }).toList();
    }

    private static TaskRow taskRow(TaskEntity t, DeskCommentEntity c, ZoneId zone, Instant now) {
        boolean publicAnswer = t.kind == TaskKind.ANSWER && c != null && !"CONFIDENTIAL".equals(c.route)
                && !"CRIMINAL".equals(c.route);
        String text = c == null || c.text == null ? "" : "CONFIDENTIAL".equals(c.route) ? HIDDEN : c.text;
        return new TaskRow(t.id, t.kind.name(), t.status.name(), t.assignee == null ? "" : t.assignee,
                t.dueAt == null ? "" : LOCAL.format(t.dueAt.atZone(zone)), t.dueAt != null && t.dueAt.isBefore(now),
                t.commentKey, text, c == null ? null : safeLink(c.permalink), publicAnswer);
    }

    /** Only web links become links: a "javascript:" or "data:" permalink is shown as text, never followed. */
    static String safeLink(String permalink) {
        if (permalink == null) {
            return null;
        }
        String lower = permalink.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? permalink.strip() : null;
    }
}
