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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.delivery.rest.SignedWebhook;
import se.kommun.moderation.ingest.meta.config.MetaConfig;
import se.kommun.moderation.ingest.meta.domain.MetaPayloadMapper;
import se.kommun.moderation.ingest.signature.HandshakeTokens;
import se.kommun.moderation.ingest.signature.HmacSignatures;

/** Meta's webhooks for Facebook Pages (feed) and Instagram (comments): one app, one endpoint. */
@Path("/webhooks/meta")
@PermitAll
public class MetaWebhookResource {

    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private final MetaPayloadMapper mapper;

    private final MetaConfig config;

    @Inject
    SignedWebhook webhook;

    @Inject
    InstagramPermalinkStep permalinks;

    @Inject
    public MetaWebhookResource(MetaConfig config) {
        this.config = config;
        this.mapper = new MetaPayloadMapper(config.permalinkBase());
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Subscription verification: echoes hub.challenge when hub.verify_token is ours")
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        boolean ours = config.verifyToken().isPresent() && token != null && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), config.verifyToken().get().getBytes(StandardCharsets.UTF_8));
        if (!"subscribe".equals(mode) || !ours || challenge == null) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("verification refused").build();
        }
        if (!HandshakeTokens.isToken(challenge)) {
            // Echoed as it came, so only Meta's opaque shape: no markup, no quotes, no whitespace.
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("hub.challenge is not a challenge token").build();
        }
        return Response.ok(challenge, MediaType.TEXT_PLAIN_TYPE).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deliveries signed with X-Hub-Signature-256; 200 only after every event is on the broker")
    public Uni<Response> receive(@HeaderParam("Content-Type") String contentType,
            @HeaderParam(SIGNATURE_HEADER) String signature, byte[] body) {
        // Labelled FACEBOOK when unreadable: the Meta app's endpoint, whichever product it was meant for.
        return webhook.receive(new SignedWebhook.Spec(Platform.FACEBOOK, SIGNATURE_HEADER, config.maxBodyBytes(),
                raw -> config.appSecret().isPresent()
                        && HmacSignatures.isValidHexSha256(signature, "sha256=", config.appSecret().get(), raw),
                mapper::map, permalinks), contentType, signature, body);
    }
}
