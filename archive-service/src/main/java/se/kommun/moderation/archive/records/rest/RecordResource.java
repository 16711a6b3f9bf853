package se.kommun.moderation.archive.records.rest;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import se.kommun.moderation.archive.records.domain.RecordQuery;
import se.kommun.moderation.archive.records.persistence.RecordExport;
import se.kommun.moderation.archive.records.persistence.RecordSearch;
import se.kommun.moderation.archive.records.persistence.RecordVersionEntity;

/** The records as received. Internal users only: records may hold secret content. */
@Path("/records")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"archivist", "registrar", "moderator"})
public class RecordResource {

    @Inject
    RecordSearch search;

    @Inject
    RecordExport export;

    @Inject
    SecurityIdentity identity;

    /**
     * Search with paging: {@code account}, {@code platform}, {@code from}/{@code to} (receipt; a date
     * or an instant), {@code route} (or UNCLASSIFIED), {@code q} (full text, Swedish), {@code page}
     * (from 0) and {@code size} (1–200). Newest first.
     */
    @GET
    public RecordSearch.Page search(@QueryParam("account") String account, @QueryParam("platform") String platform,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("route") String route,
            @QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size)
            throws SQLException {
        RecordQuery query;
        try {
            query = new RecordQuery(account, platform, Params.instantParam("from", from, false),
                    Params.instantParam("to", to, true), route, q, Params.intParam("page", page, 0, 0, 1_000_000),
                    Params.intParam("size", size, 20, 1, RecordQuery.MAX_SIZE));
        } catch (IllegalArgumentException e) {
            throw new Params.InvalidParameterException(e.getMessage());
        }
        return search.search(query);
    }

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

    /**
     * The whole record as one JSON document: every version with its hashes and raw fragment (base64),
     * its route, legal holds, gallring protocol rows and its entries in the tamper-evident log.
     */
    @GET
    @Path("/{commentKey}/export")
    public Response exportJson(@PathParam("commentKey") String commentKey) throws SQLException {
        RecordView record = get(commentKey);
        RecordExport.Document document = export.document(record, identity.getPrincipal().getName(), Instant.now());
        String file = "record-" + commentKey.replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
        return Response.ok(document).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }
}
