package se.kommun.moderation.archive.integrity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.kommun.moderation.archive.integrity.persistence.IntegrityCheck;

/** Verifies the tamper-evident log and names the first broken link (200 either way; see {@code intact}). */
@Path("/integrity")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrityResource {

    @Inject
    IntegrityCheck check;

    @GET
    @RolesAllowed("archivist")
    public IntegrityCheck.Report verify() {
        return check.verify();
    }
}
