package se.kommun.moderation.ingest.x.rest;

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
import java.time.Instant;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.delivery.domain.DeliveryIntake;
import se.kommun.moderation.ingest.delivery.domain.MappedDelivery;
import se.kommun.moderation.ingest.delivery.domain.RawBody;
import se.kommun.moderation.ingest.delivery.domain.UnreadableDeliveryException;
import se.kommun.moderation.ingest.delivery.rest.WebhookAnswers;
import se.kommun.moderation.ingest.signature.HmacSignatures;
import se.kommun.moderation.ingest.x.config.XConfig;
import se.kommun.moderation.ingest.x.domain.XPayloadMapper;

/** X's Account Activity webhook: the CRC check and signed deliveries. */
@Path("/webhooks/x")
@PermitAll
public class XWebhookResource {

    static final String SIGNATURE_HEADER = "x-twitter-webhooks-signature";

    private final XPayloadMapper mapper = new XPayloadMapper();

    @Inject
    XConfig config;

    @Inject
    DeliveryIntake intake;

    /** The CRC answer X expects within 3 s. */
    public record CrcResponse(String response_token) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Challenge-response check: sha256=<base64 HMAC-SHA256(consumer secret, crc_token)>")
    public Response crc(@QueryParam("crc_token") String token) {
        if (token == null || token.isBlank()) {
            return WebhookAnswers.error(Status.BAD_REQUEST, "crc_token is required");
        }
        if (config.consumerSecret().isEmpty()) {
            return WebhookAnswers.error(Status.NOT_FOUND, "no X app is configured");
        }
        byte[] mac = HmacSignatures.hmacSha256(config.consumerSecret().get(), token.getBytes(StandardCharsets.UTF_8));
        return Response.ok(new CrcResponse("sha256=" + Base64.getEncoder().encodeToString(mac))).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deliveries signed with x-twitter-webhooks-signature; 200 only after every event is on the broker")
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
        if (config.consumerSecret().isEmpty()
                || !HmacSignatures.isValidBase64Sha256(signature, "sha256=", config.consumerSecret().get(), body)) {
            return WebhookAnswers.refuse(Status.UNAUTHORIZED, signature == null ? "missing " + SIGNATURE_HEADER
                    + " header" : SIGNATURE_HEADER + " does not match the body");
        }
        RawBody raw = RawBody.of(body, contentType);
        MappedDelivery mapped;
        try {
            mapped = mapper.map(raw, receivedAt);
        } catch (UnreadableDeliveryException unreadable) {
            return intake.quarantineWhole(Platform.X, null, unreadable.getMessage(), raw, receivedAt)
                    .replaceWith(() -> Response.ok(new WebhookAnswers.Quarantined(unreadable.getMessage())).build())
                    .onFailure().recoverWithItem(WebhookAnswers::unavailable);
        }
        return intake.deliver(raw, mapped, receivedAt)
                .map(WebhookAnswers::of)
                .onFailure().recoverWithItem(WebhookAnswers::unavailable);
    }
}
