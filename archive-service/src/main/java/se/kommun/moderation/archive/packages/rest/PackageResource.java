package se.kommun.moderation.archive.packages.rest;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import se.kommun.moderation.archive.packages.domain.HalfYear;
import se.kommun.moderation.archive.packages.domain.PackageDeliveries;
import se.kommun.moderation.archive.packages.persistence.ArchivePackageEntity;

/** Archive packages for the city archive: build one on demand, list the deliveries, download one. */
@Path("/packages")
@RolesAllowed("archivist")
public class PackageResource {

    /** {@code {"platform":"facebook","accountId":"page-1","period":"2026-H2"}} */
    public record PackageRequest(String platform, String accountId, String period) {
    }

    @Inject
    PackageDeliveries deliveries;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response build(PackageRequest request) {
        if (request == null || blank(request.platform()) || blank(request.accountId()) || blank(request.period())) {
            throw new BadRequestException("platform, accountId and period (e.g. 2026-H2) are required");
        }
        HalfYear period;
        try {
            period = HalfYear.parse(request.period());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        try {
            ArchivePackageEntity p = deliveries.deliver(request.platform(), request.accountId(), period,
                    ArchivePackageEntity.ON_DEMAND, identity.getPrincipal().getName());
            return Response.created(URI.create("/packages/" + p.packageId)).entity(PackageView.of(p)).build();
        } catch (PackageDeliveries.NothingToDeliver e) {
            return Response.status(422).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public List<PackageView> list(@QueryParam("platform") String platform, @QueryParam("accountId") String accountId) {
        List<ArchivePackageEntity> all = blank(platform) || blank(accountId)
                ? ArchivePackageEntity.listAll(Sort.descending("createdAt"))
                : ArchivePackageEntity.list("platform = ?1 and accountId = ?2", Sort.descending("createdAt"),
                        platform, accountId);
        return all.stream().map(PackageView::of).toList();
    }

    @GET
    @Path("/{packageId}")
    @Produces("application/zip")
    @Transactional
    public Response download(@PathParam("packageId") UUID packageId) {
        ArchivePackageEntity p = ArchivePackageEntity.findById(packageId);
        if (p == null) {
            throw new NotFoundException("no package " + packageId);
        }
        return Response.ok(p.content, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + p.objid + ".zip\"")
                .header("X-Content-SHA256", p.sha256)
                .build();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
