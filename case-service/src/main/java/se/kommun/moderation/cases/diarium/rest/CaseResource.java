package se.kommun.moderation.cases.rest;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import se.kommun.moderation.cases.persistence.CaseEntity;

/** The register of cases, newest first. Internal users only: it holds secret entries in full. */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"moderator", "registrar"})
public class CaseResource {

    static final int MAX_PAGE_SIZE = 500;

    @GET
    public List<CaseView> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("page must be >= 0 and size within 1.." + MAX_PAGE_SIZE);
        }
        return CaseEntity.<CaseEntity>findAll(Sort.descending("registeredAt").and("seq", Sort.Direction.Descending))
                .page(Page.of(page, size)).list().stream().map(CaseView::of).toList();
    }

    @GET
    @Path("/{id}")
    public CaseView get(@PathParam("id") UUID id) {
        CaseEntity entity = CaseEntity.findById(id);
        if (entity == null) {
            throw new NotFoundException("no case " + id);
        }
        return CaseView.of(entity);
    }
}
