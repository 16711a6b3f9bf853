package se.kommun.moderation.cases.review.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import se.kommun.moderation.cases.desk.rest.Actor;
import se.kommun.moderation.cases.desk.rest.Params;
import se.kommun.moderation.cases.review.domain.ReviewDesk;
import se.kommun.moderation.events.Route;

/**
 * A moderator's decision on a comment the classifier was unsure about: confirm its route, or decide
 * another. Refusals are the service's problems: 404 for a comment the desk has not seen, 409 when
 * no review is open for it, 400 for a missing or unknown route or a decision without a reason.
 */
@Path("/queue/reviews/{commentKey}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"moderator", "admin"})
public class ReviewResource {

    @Inject
    ReviewDesk reviews;

    @Inject
    Actor actor;

    public record Confirmation(String reason) {
    }

    public record RouteDecision(String route, String subtype, String reason) {
    }

    /** The review after the decision; {@code removalState} when the comment went into the removal lane. */
    public record ReviewDecided(String commentKey, UUID taskId, String status, String decision, String route,
            String subtype, UUID caseId, String diaryNumber, String removalState) {

        static ReviewDecided of(String commentKey, ReviewDesk.Decision d) {
            return new ReviewDecided(commentKey, d.review().id, d.review().status.name(), d.kind().name(),
                    d.route().name(), d.subtype(), d.caseId(), d.diaryNumber(),
                    d.removal() == null ? null : d.removal().state.name());
        }
    }

    @POST
    @Path("/confirm")
    public ReviewDecided confirm(@PathParam("commentKey") String commentKey, Confirmation request) {
        return ReviewDecided.of(commentKey,
                reviews.confirm(commentKey, request == null ? null : request.reason(), actor.name()));
    }

    @POST
    @Path("/decide")
    public ReviewDecided decide(@PathParam("commentKey") String commentKey, RouteDecision request) {
        if (request == null || request.route() == null || request.route().isBlank()) {
            throw new BadRequestException("route is required");
        }
        Route route = Params.parseEnum(Route.class, request.route(), "route");
        if (request.reason() == null || request.reason().isBlank()) {
            throw new BadRequestException("reason is required");
        }
        return ReviewDecided.of(commentKey,
                reviews.decide(commentKey, route, request.subtype(), request.reason(), actor.name()));
    }
}
