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
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.accounts.domain.AccountDirectory;
import se.kommun.moderation.ingest.accounts.domain.AccountStatus;
import se.kommun.moderation.ingest.accounts.domain.SecretResolver;
import se.kommun.moderation.ingest.web.config.WebConfig;
import se.kommun.moderation.ingest.delivery.domain.DeliveryIntake;
import se.kommun.moderation.ingest.delivery.domain.MappedDelivery;
import se.kommun.moderation.ingest.delivery.domain.RawBody;
import se.kommun.moderation.ingest.delivery.rest.WebhookAnswers;
import se.kommun.moderation.ingest.signature.HmacSignatures;
import se.kommun.moderation.ingest.web.domain.InvalidWebCommentException;
import se.kommun.moderation.ingest.web.domain.WebComment;
import se.kommun.moderation.ingest.web.domain.WebCommentEvents;
import se.kommun.moderation.ingest.web.domain.WebCommentParser;

/**
 * Comments from the municipality's own web and blog comment fields, registered as accounts of
 * platform {@code web} or {@code blog}. The caller is authenticated by the HMAC of the raw body with
 * the account's secret, not by a user role.
 */
@Path("/webhooks/web/{accountId}")
@PermitAll
public class WebCommentResource {

    static final String SIGNATURE_HEADER = "X-Signature-256";

    private final WebCommentParser parser = new WebCommentParser();

    @Inject
    WebConfig config;

    @Inject
    AccountDirectory accounts;

    @Inject
    SecretResolver secrets;

    @Inject
    DeliveryIntake intake;

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
        if (!WebhookAnswers.isJson(contentType)) {
            return WebhookAnswers.refuse(Status.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
        }
        if (body.length > config.maxBodyBytes()) {
            return WebhookAnswers.refuse(Status.REQUEST_ENTITY_TOO_LARGE,
                    "body is larger than " + config.maxBodyBytes() + " bytes");
        }
        Optional<AccountDirectory.Entry> account = accounts.find(Platform.WEB, accountId)
                .or(() -> accounts.find(Platform.BLOG, accountId));
        Optional<String> secret = account.flatMap(a -> secrets.resolve(a.secretRef()));
        if (secret.isEmpty()) {
            // Without a secret nothing can be authenticated, so nothing is kept: anyone could send it.
            return WebhookAnswers.refuse(Status.NOT_FOUND, "unknown account '" + sanitize(accountId) + "'");
        }
        if (!HmacSignatures.isValidHexSha256(signature, "sha256=", secret.get(), body)) {
            return WebhookAnswers.refuse(Status.UNAUTHORIZED, signature == null ? "missing " + SIGNATURE_HEADER
                    + " header" : SIGNATURE_HEADER + " does not match the body");
        }
        Platform platform = account.get().platform();
        RawBody raw = RawBody.of(body, contentType);
        WebComment comment;
        try {
            comment = parser.parse(body);
        } catch (InvalidWebCommentException invalid) {
            // Our own site sent it: keep it whole, and tell the site what is wrong.
            return intake.quarantineWhole(platform, accountId, invalid.getMessage(), raw, receivedAt)
                    .replaceWith(() -> WebhookAnswers.error(Status.BAD_REQUEST, invalid.getMessage()))
                    .onFailure().recoverWithItem(WebhookAnswers::unavailable);
        }
        MappedDelivery delivery = WebCommentEvents.delivery(platform, accountId, comment, raw, receivedAt);
        return intake.deliver(raw, delivery, receivedAt)
                .map(outcome -> outcome.published() == 1
                        ? Response.accepted(AcceptedBody.of(delivery.comments().get(0))).build()
                        : WebhookAnswers.of(outcome))
                .onFailure().recoverWithItem(WebhookAnswers::unavailable);
    }

    private static String sanitize(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value.replaceAll("[^\\w.-]", "?");
    }
}
