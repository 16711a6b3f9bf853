package se.kommun.moderation.cases.quality.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import se.kommun.moderation.cases.config.CaseConfig;
import se.kommun.moderation.cases.desk.rest.Params;
import se.kommun.moderation.cases.quality.domain.CorpusLine;
import se.kommun.moderation.cases.quality.domain.ExportCursor;
import se.kommun.moderation.cases.quality.domain.LabelExport;
import se.kommun.moderation.cases.quality.persistence.ModeratorLabelEntity;

/**
 * The moderators' decisions as labelled lines for retraining the classifier (classification-training
 * reads the file as one more writer). Admin only: the lines are comments as written, personal data
 * and all, and nothing here is for a browser to keep ({@code Cache-Control: no-store}).
 * {@value LabelExport#PAGE_SIZE} lines a page; a {@code Link: <…>; rel="next"} header points to the
 * next one. The classification-service's {@code GET /quality} measures agreement; this page is
 * where the labels themselves are, since only the desk has the text a person decided on.
 */
@Path("/quality")
@RolesAllowed("admin")
public class QualityExportResource {

    public static final String NDJSON = "application/x-ndjson";

    // Its own mapper: the corpus form is fixed (every field, nulls included), whatever the service's JSON settings.
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LabelExport export;

    @Inject
    CaseConfig config;

    @GET
    @Path("/export")
    @Produces(NDJSON)
    @Transactional
    public Response export(@QueryParam("since") String since, @QueryParam("changedOnly") String changedOnly,
            @QueryParam("after") String after, @Context UriInfo uri) {
        Optional<Instant> from = Optional.ofNullable(since).map(s -> Params.parseInstant(s, "since"));
        boolean changed = Params.parseBoolean(changedOnly, "changedOnly");
        Optional<ExportCursor> cursor = Optional.ofNullable(after).map(ExportCursor::parse);
        LabelExport.Page page = export.page(from, changed, cursor);
        ZoneId zone = config.registry().zone();
        StringBuilder body = new StringBuilder();
        for (ModeratorLabelEntity label : page.labels()) {
            body.append(line(CorpusLine.of(label, zone))).append('\n');
        }
        Response.ResponseBuilder response = Response.ok(body.toString(), NDJSON).header("Cache-Control", "no-store");
        page.next().ifPresent(next -> response.link(
                uri.getRequestUriBuilder().replaceQueryParam("after", next.token()).build(), "next"));
        return response.build();
    }

    private static String line(CorpusLine line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a corpus line", e);
        }
    }
}
