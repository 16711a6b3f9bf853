package se.kommun.moderation.archive.evidence.rest;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import se.kommun.moderation.archive.evidence.config.EvidenceConfig;
import se.kommun.moderation.archive.evidence.domain.PdfaRenderer;
import se.kommun.moderation.archive.evidence.domain.StoredRecord;
import se.kommun.moderation.archive.evidence.messaging.EvidenceWorker;
import se.kommun.moderation.archive.evidence.persistence.EvidenceArtefactEntity;
import se.kommun.moderation.archive.evidence.persistence.EvidenceBundleEntity;
import se.kommun.moderation.archive.evidence.persistence.EvidenceRequestEntity;
import se.kommun.moderation.archive.evidence.persistence.EvidenceRequests;
import se.kommun.moderation.archive.evidence.persistence.StoredRecords;

/** A record's evidence (list, capture on request) and its PDF/A rendition. Internal users only. */
@Path("/records")
@RolesAllowed({"archivist", "registrar", "moderator"})
public class RecordEvidenceResource {

    @Inject
    StoredRecords records;

    @Inject
    EvidenceRequests requests;

    @Inject
    EvidenceWorker worker;

    @Inject
    PdfaRenderer renderer;

    @Inject
    EvidenceConfig config;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/{commentKey}/evidence")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public EvidenceListView list(@PathParam("commentKey") String commentKey) {
        List<EvidenceBundleEntity> bundles = EvidenceBundleEntity.list("commentKey", Sort.ascending("capturedAt"),
                commentKey);
        Map<UUID, List<EvidenceArtefactEntity>> artefacts = EvidenceArtefactEntity
                .<EvidenceArtefactEntity>list("commentKey", Sort.ascending("kind"), commentKey).stream()
                .collect(Collectors.groupingBy(a -> a.bundleId));
        List<EvidenceRequestEntity> open = requests.openFor(commentKey);
        if (bundles.isEmpty() && open.isEmpty() && records.load(commentKey).isEmpty()) {
            throw new NotFoundException("no record of " + commentKey);
        }
        return new EvidenceListView(commentKey,
                bundles.stream().map(b -> new EvidenceListView.Bundle(b.bundleId, b.sourceEventId, b.requestedBy,
                        b.capturedAt, Arrays.asList(b.missing),
                        artefacts.getOrDefault(b.bundleId, List.of()).stream()
                                .map(a -> new EvidenceListView.Artefact(a.evidenceId, a.kind, a.mediaType,
                                        a.sizeBytes, a.sha256, a.culledAt, "/evidence/" + a.evidenceId))
                                .toList())).toList(),
                open.stream().map(r -> new EvidenceListView.Request(r.requestId, r.status, r.requestedBy,
                        r.requestedAt, r.attempts, r.lastError)).toList());
    }

    /**
     * Captures evidence now (asynchronously): 202 with the request; while one is pending for the
     * comment, that one is answered instead of queueing another.
     */
    @POST
    @Path("/{commentKey}/evidence")
    @Produces(MediaType.APPLICATION_JSON)
    public Response capture(@PathParam("commentKey") String commentKey) {
        Optional<StoredRecord> record = records.load(commentKey);
        if (record.isEmpty()) {
            throw new NotFoundException("no record of " + commentKey);
        }
        UUID requestId = requests.requestOnDemand(commentKey, record.get().latest().permalink(),
                "api:" + identity.getPrincipal().getName(), Instant.now());
        worker.wake();
        return Response.accepted(Map.of("requestId", requestId, "status", EvidenceRequestEntity.PENDING))
                .location(UriBuilder.fromPath("/records/{k}/evidence").build(commentKey))
                .build();
    }

    /** The record's PDF/A-2b rendition (latest version, earlier versions, thread context), made now. */
    @GET
    @Path("/{commentKey}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("commentKey") String commentKey) {
        StoredRecord record = records.load(commentKey)
                .orElseThrow(() -> new NotFoundException("no record of " + commentKey));
        byte[] pdf = renderer.renderRecord(record, records.threadContext(record, config.threadContextLimit()),
                Instant.now());
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + fileName(commentKey) + ".pdf\"")
                .build();
    }

    static String fileName(String commentKey) {
        return commentKey.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
