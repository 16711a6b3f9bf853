package se.kommun.moderation.cases.tasks.rest;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.kommun.moderation.cases.actions.domain.Replies;
import se.kommun.moderation.cases.actions.persistence.PlatformCommandEntity;
import se.kommun.moderation.cases.desk.rest.Actor;
import se.kommun.moderation.cases.desk.rest.Params;
import se.kommun.moderation.cases.tasks.domain.TaskDesk;
import se.kommun.moderation.cases.tasks.domain.TaskKind;
import se.kommun.moderation.cases.tasks.domain.TaskStatus;
import se.kommun.moderation.cases.tasks.persistence.TaskEntity;

/** Tasks: list, assign, complete, and answer in public (which sends a signed REPLY command). */
@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"moderator", "registrar", "admin"})
public class TaskResource {

    static final int MAX_PAGE_SIZE = 500;

    @Inject
    TaskDesk tasks;

    @Inject
    Replies replies;

    @Inject
    Actor actor;

    public record Assignment(String assignee) {
    }

    public record Completion(String note) {
    }

    public record ReplyRequest(String text, String name, String role) {
    }

    public record ReplySent(UUID commandId, String idempotencyKey, String state) {
    }

    @GET
    @Transactional
    public List<TaskView> list(@QueryParam("status") String status, @QueryParam("kind") String kind,
            @QueryParam("assignee") String assignee, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("100") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("page must be >= 0 and size within 1.." + MAX_PAGE_SIZE);
        }
        List<TaskStatus> statuses = status == null
                ? List.of(TaskStatus.OPEN, TaskStatus.IN_PROGRESS)
                : List.of(Params.parseEnum(TaskStatus.class, status, "status"));
        List<TaskKind> kinds = kind == null ? List.of(TaskKind.values()) : List.of(Params.parseEnum(TaskKind.class, kind, "kind"));
        Instant now = Instant.now();
        return TaskEntity.<TaskEntity>find("status in :statuses and kind in :kinds and (:assignee = '' or assignee = "
                        + ":assignee) order by dueAt nulls last, createdAt",
                        Parameters.with("statuses", statuses).and("kinds", kinds)
                                .and("assignee", assignee == null ? "" : assignee))
                .page(Page.of(page, size)).list().stream().map(t -> TaskView.of(t, now)).toList();
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskView assign(@PathParam("id") UUID id, Assignment request) {
        if (request == null || request.assignee() == null || request.assignee().isBlank()) {
            throw new BadRequestException("assignee is required");
        }
        return TaskView.of(tasks.assign(id, request.assignee().strip(), actor.name()), Instant.now());
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskView complete(@PathParam("id") UUID id, Completion request) {
        return TaskView.of(tasks.complete(id, request == null ? null : request.note(), actor.name()), Instant.now());
    }

    /** Answers the comment in public: a REPLY command signed "/Namn, roll, Organisation". */
    @POST
    @Path("/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"moderator", "admin"})
    public Response reply(@PathParam("id") UUID id, ReplyRequest request) {
        if (request == null) {
            throw new BadRequestException("a body with text is required");
        }
        PlatformCommandEntity command = replies.reply(id, request.text(), request.name(), request.role(),
                actor.name());
        return Response.accepted(new ReplySent(command.commandId, command.idempotencyKey, command.state)).build();
    }
}
