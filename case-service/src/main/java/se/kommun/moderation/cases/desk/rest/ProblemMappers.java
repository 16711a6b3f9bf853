package se.kommun.moderation.cases.desk.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import se.kommun.moderation.cases.desk.domain.DeskRuleException;

/** Turns the desk's refusals into 4xx answers with a reason. Messages never quote comment text. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response rule(DeskRuleException e) {
        return problem(e.isNotFound() ? 404 : 409, e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(IllegalArgumentException e) {
        return problem(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500 || status == 401 || status == 403) {
            return e.getResponse();
        }
        return problem(status, e.getMessage());
    }

    private static Response problem(int status, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new Problem(status, reason)).build();
    }
}
