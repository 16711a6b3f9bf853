package se.kommun.moderation.archive.records.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 with the reason, as JSON. */
@Provider
public class InvalidParameterMapper implements ExceptionMapper<Params.InvalidParameterException> {

    public record Problem(int status, String error) {
    }

    @Override
    public Response toResponse(Params.InvalidParameterException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(400, e.getMessage())).build();
    }
}
