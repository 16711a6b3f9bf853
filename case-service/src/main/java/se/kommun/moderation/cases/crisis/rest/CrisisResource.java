package se.kommun.moderation.cases.crisis.rest;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import se.kommun.moderation.cases.crisis.domain.CrisisDesk;
import se.kommun.moderation.cases.crisis.domain.CrisisDigest;
import se.kommun.moderation.cases.crisis.domain.DigestCsv;
import se.kommun.moderation.cases.crisis.persistence.CrisisEntity;
import se.kommun.moderation.cases.desk.rest.Actor;

/** Crisis mode: start and stop a crisis, and the digest for crisis management (JSON or CSV). */
@Path("/crises")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"moderator", "admin"})
public class CrisisResource {

    @Inject
    CrisisDesk crises;

    @Inject
    Actor actor;

    public record CrisisStart(String name, List<String> accounts, Instant startsAt, Instant endsAt) {
    }

    public record CrisisView(UUID id, String name, List<String> accounts, Instant startsAt, Instant endsAt,
            String startedBy, String stoppedBy, Instant stoppedAt) {

        static CrisisView of(CrisisEntity c) {
            return new CrisisView(c.id, c.name, c.accountSet().stream().sorted().toList(), c.startsAt, c.endsAt,
                    c.startedBy, c.stoppedBy, c.stoppedAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(CrisisStart request) {
        if (request == null) {
            throw new BadRequestException("a body with name and accounts is required");
        }
        CrisisEntity crisis = crises.start(request.name(),
                request.accounts() == null ? null : new LinkedHashSet<>(request.accounts()),
                request.startsAt() == null ? Instant.now() : request.startsAt(), request.endsAt(), actor.name());
        return Response.status(Response.Status.CREATED).entity(CrisisView.of(crisis)).build();
    }

    @POST
    @Path("/{id}/stop")
    public CrisisView stop(@PathParam("id") UUID id) {
        return CrisisView.of(crises.stop(id, actor.name()));
    }

    @GET
    @Transactional
    public List<CrisisView> list() {
        return CrisisEntity.<CrisisEntity>list("order by startsAt desc").stream().map(CrisisView::of).toList();
    }

    @GET
    @Path("/{id}/digest")
    public CrisisDigest digest(@PathParam("id") UUID id, @QueryParam("latest") @DefaultValue("20") int latest,
            @QueryParam("questions") @DefaultValue("10") int questions) {
        return crises.digest(id, bounded(latest, "latest"), bounded(questions, "questions"));
    }

    @GET
    @Path("/{id}/digest.csv")
    @Produces("text/csv")
    public Response digestCsv(@PathParam("id") UUID id, @QueryParam("latest") @DefaultValue("100") int latest,
            @QueryParam("questions") @DefaultValue("20") int questions) {
        CrisisDigest digest = crises.digest(id, bounded(latest, "latest"), bounded(questions, "questions"));
        return Response.ok(DigestCsv.of(digest), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"crisis-" + id + "-digest.csv\"").build();
    }

    private static int bounded(int value, String name) {
        if (value < 0 || value > 1000) {
            throw new BadRequestException(name + " must be within 0..1000");
        }
        return value;
    }
}
