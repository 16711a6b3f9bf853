package se.kommun.moderation.archive.evidence.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import se.kommun.moderation.archive.evidence.persistence.EvidenceArtefactEntity;

/** Downloads one evidence artefact exactly as stored; its SHA-256 travels in a header to check against. */
@Path("/evidence")
@RolesAllowed({"archivist", "registrar", "moderator"})
public class EvidenceResource {

    @GET
    @Path("/{evidenceId}")
    @Transactional
    public Response download(@PathParam("evidenceId") UUID evidenceId) {
        EvidenceArtefactEntity artefact = EvidenceArtefactEntity.findById(evidenceId);
        if (artefact == null) {
            throw new NotFoundException("no evidence " + evidenceId);
        }
        if (artefact.content == null) {
            return Response.status(Response.Status.GONE)
                    .entity("evidence " + evidenceId + " was culled at " + artefact.culledAt
                            + " (see the gallring protocol); its SHA-256 was " + artefact.sha256)
                    .type("text/plain").build();
        }
        String extension = artefact.mediaType.equals("image/png") ? "png" : "pdf";
        return Response.ok(artefact.content, artefact.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + evidenceId + "." + extension + "\"")
                .header("X-Content-SHA256", artefact.sha256)
                .tag(artefact.sha256)
                .build();
    }
}
