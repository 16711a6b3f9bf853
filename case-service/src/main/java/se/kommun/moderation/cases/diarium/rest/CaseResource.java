package se.kommun.moderation.cases.diarium.rest;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import se.kommun.moderation.cases.actions.domain.ModerationEvents;
import se.kommun.moderation.cases.actions.persistence.PlatformCommandEntity;
import se.kommun.moderation.cases.actions.persistence.RemovalEntity;
import se.kommun.moderation.cases.audit.domain.AuditTrail;
import se.kommun.moderation.cases.desk.domain.DeskRuleException;
import se.kommun.moderation.cases.desk.rest.Actor;
import se.kommun.moderation.cases.diarium.domain.CaseRegistrar;
import se.kommun.moderation.cases.diarium.persistence.CaseDocumentEntity;
import se.kommun.moderation.cases.diarium.persistence.CaseEntity;
import se.kommun.moderation.cases.tasks.domain.TaskDesk;
import se.kommun.moderation.cases.tasks.domain.TaskKind;
import se.kommun.moderation.cases.tasks.persistence.TaskEntity;
import se.kommun.moderation.cases.tasks.rest.TaskView;

/** The register of cases, newest first. Internal users only: it holds secret entries in full. */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"moderator", "registrar", "admin"})
public class CaseResource {

    static final int MAX_PAGE_SIZE = 500;

    @Inject
    CaseRegistrar registrar;

    @Inject
    AuditTrail audit;

    @Inject
    TaskDesk tasks;

    @Inject
    ModerationEvents moderationEvents;

    @Inject
    Actor actor;

    /**
     * {@code senderIsOrganisation}: the sender is an authority or a company, whose name the public diary
     * may show; a private person's never is.
     */
    public record ManualRegistration(String registry, String sender, boolean senderIsOrganisation, String description,
            boolean secret) {
    }

    public record Closing(String reason) {
    }

    public record Forwarding(String assignee, String note) {
    }

    @GET
    @Transactional
    public List<CaseView> list(@QueryParam("route") String route, @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("page must be >= 0 and size within 1.." + MAX_PAGE_SIZE);
        }
        Parameters parameters = Parameters.with("route", route == null ? "" : route.toUpperCase(java.util.Locale.ROOT))
                .and("status", status == null ? "" : status.toUpperCase(java.util.Locale.ROOT));
        return CaseEntity.<CaseEntity>find("(:route = '' or route = :route) and (:status = '' or status = :status)",
                        Sort.descending("registeredAt").and("seq", Sort.Direction.Descending), parameters)
                .page(Page.of(page, size)).list().stream().map(CaseView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public CaseDetail get(@PathParam("id") UUID id) {
        CaseEntity entity = find(id);
        Instant now = Instant.now();
        List<CaseDocumentEntity> documents = CaseDocumentEntity.ofCase(id);
        List<String> keys = documents.stream().map(d -> d.commentKey).toList();
        return new CaseDetail(CaseView.of(entity),
                documents.stream().map(d -> new CaseDetail.Document(d.commentKey, d.receivedAt, d.registeredAt,
                        d.sender, d.description, d.secret)).toList(),
                TaskEntity.<TaskEntity>list("caseId = ?1 order by createdAt", id).stream()
                        .map(t -> TaskView.of(t, now)).toList(),
                RemovalEntity.<RemovalEntity>list("commentKey in ?1", keys).stream()
                        .map(r -> new CaseDetail.Removal(r.commentKey, r.action.name(), r.state.name(), r.automatic,
                                r.confirmedBy, r.evidenceBundleId, r.commandId, r.outcomeMessage)).toList(),
                PlatformCommandEntity.<PlatformCommandEntity>list("commentKey in ?1 order by issuedAt", keys).stream()
                        .map(c -> new CaseDetail.Command(c.commandId, c.idempotencyKey, c.commentKey, c.action.name(),
                                c.state, c.issuedBy, c.issuedAt, c.attempts, c.platformStatus, c.platformMessage))
                        .toList(),
                audit.forCase(id));
    }

    /** Registers something that arrived by another way than a comment (a letter, an e-mail). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"registrar", "admin"})
    @Transactional
    public Response register(ManualRegistration request) {
        if (request == null || request.description() == null || request.description().isBlank()) {
            throw new BadRequestException("description is required");
        }
        String registry = request.registry() == null || request.registry().isBlank()
                ? registrar.registryFor(se.kommun.moderation.events.Route.COMPLAINT) : request.registry();
        CaseEntity registered = registrar.registerManually(registry, request.sender(), !request.senderIsOrganisation(),
                request.description().strip(), request.secret(), actor.name());
        return Response.status(Response.Status.CREATED).entity(CaseView.of(registered)).build();
    }

    /** Closes a case; its comments' legal holds are released (gallring may then apply its rules). */
    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"registrar", "admin"})
    @Transactional
    public CaseView close(@PathParam("id") UUID id, Closing request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw new BadRequestException("reason is required");
        }
        CaseEntity entity = find(id);
        if (CaseRegistrar.CLOSED.equals(entity.status)) {
            throw DeskRuleException.conflict("case " + entity.diaryNumber + " is already closed");
        }
        entity.status = CaseRegistrar.CLOSED;
        entity.closedAt = Instant.now();
        audit.record(id, null, "case " + entity.diaryNumber, "closed", actor.name(), request.reason());
        for (CaseDocumentEntity document : CaseDocumentEntity.ofCase(id)) {
            moderationEvents.legalHold(document.commentKey, entity.diaryNumber, false, "case closed", actor.name());
        }
        return CaseView.of(entity);
    }

    /** Hands the case to the officer responsible for it. */
    @POST
    @Path("/{id}/forward")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response forward(@PathParam("id") UUID id, Forwarding request) {
        if (request == null || request.assignee() == null || request.assignee().isBlank()) {
            throw new BadRequestException("assignee is required");
        }
        CaseEntity entity = find(id);
        TaskEntity task = tasks.open(entity.commentKey, id, TaskKind.FORWARD, null, request.assignee().strip(),
                request.note(), actor.name(), request.note());
        return Response.status(Response.Status.CREATED).entity(TaskView.of(task, Instant.now())).build();
    }

    private static CaseEntity find(UUID id) {
        CaseEntity entity = CaseEntity.findById(id);
        if (entity == null) {
            throw new NotFoundException("no case " + id);
        }
        return entity;
    }
}
