package se.kommun.moderation.ingest.accounts.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import se.kommun.moderation.ingest.accounts.domain.AccountRuleException;

@Provider
public class AccountRuleExceptionMapper implements ExceptionMapper<AccountRuleException> {

    @Override
    public Response toResponse(AccountRuleException e) {
        return Response.status(Response.Status.CONFLICT).entity(new AccountProblem(e.getMessage(), e.problems())).build();
    }
}
