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
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.delivery.rest.SignedWebhook;
import se.kommun.moderation.ingest.delivery.rest.WebhookAnswers;
import se.kommun.moderation.ingest.signature.HandshakeTokens;
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
    SignedWebhook webhook;

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
        if (!HandshakeTokens.isToken(token)) {
            return WebhookAnswers.error(Status.BAD_REQUEST, "crc_token is not a CRC token (at most "
                    + "255 letters, digits and ._~+/=-)");
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
        return webhook.receive(new SignedWebhook.Spec(Platform.X, SIGNATURE_HEADER, config.maxBodyBytes(),
                raw -> config.consumerSecret().isPresent() && !HandshakeTokens.couldBeAHandshakeToken(raw)
                        && HmacSignatures.isValidBase64Sha256(signature, "sha256=", config.consumerSecret().get(), raw),
                mapper::map), contentType, signature, body);
    }
}
