package se.kommun.moderation.archive.holds.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import se.kommun.moderation.archive.holds.domain.LegalHold;
import se.kommun.moderation.archive.holds.domain.LegalHolds;
import se.kommun.moderation.archive.records.rest.InvalidParameterMapper;
import se.kommun.moderation.archive.records.rest.Params;

/**
 * Legal holds through the API, for a pending request for access or its appeal (JO 3434-2016).
 * {@code POST /holds} {commentKey, reference, reason}; {@code DELETE /holds/{id}?reason=...};
 * {@code GET /holds?commentKey=&active=&page=&size=}.
 */
@Path("/holds")
@Produces(MediaType.APPLICATION_JSON)
public class HoldResource {

    @Inject
    LegalHolds holds;

    @Inject
    SecurityIdentity identity;

    public record NewHold(String commentKey, String reference, String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"archivist", "registrar"})
    public Response set(NewHold request) {
        if (request == null) {
            throw new Params.InvalidParameterException("a JSON body {commentKey, reference, reason} is required");
        }
        try {
            LegalHold hold = holds.set(request.commentKey(), request.reference(), request.reason(),
                    identity.getPrincipal().getName());
            return Response.created(URI.create("/holds/" + hold.holdId())).entity(hold).build();
        } catch (IllegalArgumentException e) {
            throw new Params.InvalidParameterException(e.getMessage());
        }
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"archivist", "registrar"})
    public Response release(@PathParam("id") String id, @QueryParam("reason") String reason) {
        UUID holdId;
        try {
            holdId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new Params.InvalidParameterException("id must be a hold id (UUID)");
        }
        LegalHolds.Release result;
        try {
            result = holds.release(holdId, reason, identity.getPrincipal().getName());
        } catch (IllegalArgumentException e) {
            throw new Params.InvalidParameterException(e.getMessage());
        }
        if (result instanceof LegalHolds.Released r) {
            return Response.ok(r.hold()).build();
        }
        if (result instanceof LegalHolds.HeldByCase r) {
            return Response.status(Response.Status.CONFLICT).entity(new InvalidParameterMapper.Problem(409,
                    "the hold was set by an open case (" + r.hold().reference() + "); it is released when the case is closed"))
                    .build();
        }
        if (result instanceof LegalHolds.AlreadyReleased r) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(new InvalidParameterMapper.Problem(409, "hold was released at " + r.hold().releasedAt())).build();
        }
        return Response.status(Response.Status.NOT_FOUND).entity(new InvalidParameterMapper.Problem(404, "no such hold")).build();
    }

    @GET
    @RolesAllowed({"archivist", "registrar", "moderator"})
    public List<LegalHold> list(@QueryParam("commentKey") String commentKey, @QueryParam("active") String active,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Boolean onlyActive = null;
        if (active != null && !active.isBlank()) {
            switch (active.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> onlyActive = true;
                case "false" -> onlyActive = false;
                default -> throw new Params.InvalidParameterException("active must be true or false");
            }
        }
        return holds.list(commentKey, onlyActive, Params.intParam("page", page, 0, 0, 1_000_000),
                Params.intParam("size", size, 50, 1, 500));
    }
}
