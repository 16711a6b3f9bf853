package se.kommun.moderation.ingest.web.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.config.IngestConfig;
import se.kommun.moderation.ingest.messaging.EventPublisher;
import se.kommun.moderation.ingest.signature.HmacSignatures;
import se.kommun.moderation.ingest.web.domain.InvalidWebCommentException;
import se.kommun.moderation.ingest.web.domain.WebComment;
import se.kommun.moderation.ingest.web.domain.WebCommentEvents;
import se.kommun.moderation.ingest.web.domain.WebCommentParser;

/**
 * Comments from the municipality's own web and blog comment fields. The caller is authenticated by
 * the HMAC of the raw body with the account's secret, not by a user role.
 */
@Path("/webhooks/web/{accountId}")
@PermitAll
public class WebCommentResource {

    static final String SIGNATURE_HEADER = "X-Signature-256";

    private static final Logger LOG = Logger.getLogger(WebCommentResource.class);

    private final WebCommentParser parser = new WebCommentParser();

    @Inject
    IngestConfig config;

    @Inject
    EventPublisher publisher;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive one comment from a web or blog comment field",
            description = "Signed with X-Signature-256: sha256=<hex HMAC-SHA256(raw body, account secret)>. "
                    + "Answers 202 only after the broker has acknowledged the event.")
    public Uni<Response> receive(@PathParam("accountId") String accountId,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam(SIGNATURE_HEADER) String signature,
            byte[] body) {
        Instant receivedAt = Instant.now();
        if (!isJson(contentType)) {
            return answer(Status.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
        }
        if (body.length > config.web().maxBodyBytes()) {
            return answer(Status.REQUEST_ENTITY_TOO_LARGE,
                    "body is larger than " + config.web().maxBodyBytes() + " bytes");
        }
        Optional<IngestConfig.WebAccount> account = Optional.ofNullable(config.web().accounts().get(accountId))
                .filter(a -> a.secret().isPresent());
        if (account.isEmpty()) {
            return answer(Status.NOT_FOUND, "unknown account '" + sanitize(accountId) + "'");
        }
        if (!HmacSignatures.isValidHexSha256(signature, "sha256=", account.get().secret().orElseThrow(), body)) {
            return answer(Status.UNAUTHORIZED, signature == null ? "missing " + SIGNATURE_HEADER + " header"
                    : SIGNATURE_HEADER + " does not match the body");
        }
        Platform platform = Platform.fromId(account.get().platform());
        WebComment comment;
        try {
            comment = parser.parse(body);
        } catch (InvalidWebCommentException invalid) {
            return quarantine(platform, accountId, invalid.getMessage(), body, contentType, receivedAt);
        }
        EventEnvelope<CommentReceived> event =
                WebCommentEvents.received(platform, accountId, comment, body, contentType, receivedAt);
        return publisher.publishReceived(event)
                .replaceWith(() -> Response.accepted(new AcceptedBody(event.eventId(), event.commentKey())).build())
                .onFailure().recoverWithItem(failure -> unavailable(failure));
    }

    /** Signed but unreadable: kept whole on comments.quarantined, and the sender is told why. */
    private Uni<Response> quarantine(Platform platform, String accountId, String reason, byte[] body,
            String contentType, Instant receivedAt) {
        return publisher.publishQuarantined(
                        WebCommentEvents.quarantined(platform, accountId, reason, body, contentType, receivedAt))
                .replaceWith(() -> Response.status(Status.BAD_REQUEST).entity(new ErrorBody(reason)).build())
                .onFailure().recoverWithItem(failure -> unavailable(failure));
    }

    private static Response unavailable(Throwable failure) {
        // The platform retries on 5xx; the cause goes to the log without any of the content.
        LOG.errorf("publishing to Kafka failed: %s", failure.getClass().getName());
        return Response.status(Status.SERVICE_UNAVAILABLE)
                .entity(new ErrorBody("the event could not be stored; retry later")).build();
    }

    private static Uni<Response> answer(Status status, String reason) {
        return Uni.createFrom().item(Response.status(status).entity(new ErrorBody(reason)).build());
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_JSON_TYPE);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String sanitize(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value.replaceAll("[^\\w.-]", "?");
    }
}
