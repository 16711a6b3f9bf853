package se.kommun.moderation.archive.records.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import se.kommun.moderation.archive.records.persistence.RecordVersionEntity;

/** The records as received. Internal users only: records may hold secret content. */
@Path("/records")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"archivist", "registrar", "moderator"})
public class RecordResource {

    @GET
    @Path("/{commentKey}")
    public RecordView get(@PathParam("commentKey") String commentKey) {
        List<RecordVersionEntity> versions =
                RecordVersionEntity.list("commentKey", Sort.ascending("version"), commentKey);
        if (versions.isEmpty()) {
            throw new NotFoundException("no record of " + commentKey);
        }
        return new RecordView(commentKey, versions.stream().map(RecordView.Version::of).toList());
    }
}
