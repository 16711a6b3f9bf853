package se.kommun.moderation.ingest.meta.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.delivery.domain.DeliveryIntake;
import se.kommun.moderation.ingest.delivery.domain.MappedDelivery;
import se.kommun.moderation.ingest.delivery.domain.RawBody;
import se.kommun.moderation.ingest.delivery.domain.UnreadableDeliveryException;
import se.kommun.moderation.ingest.delivery.rest.WebhookAnswers;
import se.kommun.moderation.ingest.meta.config.MetaConfig;
import se.kommun.moderation.ingest.meta.domain.MetaPayloadMapper;
import se.kommun.moderation.ingest.signature.HmacSignatures;

/** Meta's webhooks for Facebook Pages (feed) and Instagram (comments): one app, one endpoint. */
@Path("/webhooks/meta")
@PermitAll
public class MetaWebhookResource {

    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private final MetaPayloadMapper mapper = new MetaPayloadMapper();

    @Inject
    MetaConfig config;

    @Inject
    DeliveryIntake intake;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Subscription verification: echoes hub.challenge when hub.verify_token is ours")
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        boolean ours = config.verifyToken().isPresent() && token != null && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), config.verifyToken().get().getBytes(StandardCharsets.UTF_8));
        if (!"subscribe".equals(mode) || !ours || challenge == null) {
            return Response.status(Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("verification refused").build();
        }
        return Response.ok(challenge, MediaType.TEXT_PLAIN_TYPE).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deliveries signed with X-Hub-Signature-256; 200 only after every event is on the broker")
    public Uni<Response> receive(@HeaderParam("Content-Type") String contentType,
            @HeaderParam(SIGNATURE_HEADER) String signature, byte[] body) {
        Instant receivedAt = Instant.now();
        if (!WebhookAnswers.isJson(contentType)) {
            return WebhookAnswers.refuse(Status.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
        }
        if (body.length > config.maxBodyBytes()) {
            return WebhookAnswers.refuse(Status.REQUEST_ENTITY_TOO_LARGE,
                    "body is larger than " + config.maxBodyBytes() + " bytes");
        }
        if (config.appSecret().isEmpty()
                || !HmacSignatures.isValidHexSha256(signature, "sha256=", config.appSecret().get(), body)) {
            return WebhookAnswers.refuse(Status.UNAUTHORIZED, signature == null ? "missing " + SIGNATURE_HEADER
                    + " header" : SIGNATURE_HEADER + " does not match the body");
        }
        RawBody raw = RawBody.of(body, contentType);
        MappedDelivery mapped;
        try {
            mapped = mapper.map(raw, receivedAt);
        } catch (UnreadableDeliveryException unreadable) {
            // Signed by Meta but not what Meta documents: keep it, and stop the retries.
            // Labelled FACEBOOK: the Meta app's endpoint, whichever product the body was meant to be.
            return intake.quarantineWhole(Platform.FACEBOOK, null, unreadable.getMessage(), raw, receivedAt)
                    .replaceWith(() -> Response.ok(new WebhookAnswers.Quarantined(unreadable.getMessage())).build())
                    .onFailure().recoverWithItem(WebhookAnswers::unavailable);
        }
        return intake.deliver(raw, mapped, receivedAt)
                .map(WebhookAnswers::of)
                .onFailure().recoverWithItem(WebhookAnswers::unavailable);
    }
}
