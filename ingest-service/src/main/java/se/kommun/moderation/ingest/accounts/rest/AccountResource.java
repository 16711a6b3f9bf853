package se.kommun.moderation.ingest.accounts.rest;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.kommun.moderation.ingest.accounts.domain.AccountRegistry;
import se.kommun.moderation.ingest.accounts.domain.AccountStatus;
import se.kommun.moderation.ingest.accounts.domain.ChecklistItem;
import se.kommun.moderation.ingest.accounts.domain.NewAccount;
import se.kommun.moderation.ingest.accounts.persistence.AccountEntity;

/** The account registry. Administrators only, except the public list the guideline requires. */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AccountResource {

    @Inject
    AccountRegistry registry;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an account as a DRAFT")
    public Response create(NewAccount request) {
        if (request == null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new AccountProblem("a JSON body is required", List.of())).build();
        }
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new AccountProblem("the account is incomplete", problems)).build();
        }
        AccountEntity account = registry.create(request);
        return Response.created(URI.create("/accounts/" + account.id)).entity(AccountView.of(account)).build();
    }

    @GET
    public List<AccountView> list() {
        return AccountEntity.<AccountEntity>listAll(Sort.ascending("platform", "name")).stream()
                .map(AccountView::of).toList();
    }

    @GET
    @Path("/{id}")
    public AccountView get(@PathParam("id") UUID id) {
        return registry.find(id).map(AccountView::of).orElseThrow(() -> new NotFoundException("no account " + id));
    }

    @PUT
    @Path("/{id}/checklist/{item}")
    @Operation(summary = "Mark an item of the start checklist as done")
    public AccountView tick(@PathParam("id") UUID id, @PathParam("item") ChecklistItem item) {
        return AccountView.of(registry.tick(id, item, true));
    }

    @DELETE
    @Path("/{id}/checklist/{item}")
    public AccountView untick(@PathParam("id") UUID id, @PathParam("item") ChecklistItem item) {
        return AccountView.of(registry.tick(id, item, false));
    }

    @POST
    @Path("/{id}/activate")
    @Operation(summary = "Open the account: needs the whole checklist and two responsible persons (409 otherwise)")
    public AccountView activate(@PathParam("id") UUID id) {
        return AccountView.of(registry.activate(id, identity.getPrincipal().getName()));
    }

    @POST
    @Path("/{id}/close")
    public AccountView close(@PathParam("id") UUID id) {
        return AccountView.of(registry.close(id, identity.getPrincipal().getName()));
    }

    @GET
    @Path("/public")
    @PermitAll
    @Operation(summary = "The public list of the municipality's accounts, as the guideline requires")
    public List<PublicAccount> publicList() {
        return activeAccounts();
    }

    @GET
    @Path("/public")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public String publicPage() {
        return PublicAccountPage.render(activeAccounts());
    }

    private static List<PublicAccount> activeAccounts() {
        return AccountEntity.<AccountEntity>list("status", Sort.ascending("platform", "name"), AccountStatus.ACTIVE)
                .stream().map(PublicAccount::of).toList();
    }
}
