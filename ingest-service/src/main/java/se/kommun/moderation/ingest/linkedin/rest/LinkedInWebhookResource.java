package se.kommun.moderation.ingest.linkedin.rest;

import io.smallrye.common.annotation.Blocking;
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
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.delivery.domain.DeliveryIntake;
import se.kommun.moderation.ingest.delivery.domain.RawBody;
import se.kommun.moderation.ingest.delivery.domain.UnreadableDeliveryException;
import se.kommun.moderation.ingest.delivery.rest.WebhookAnswers;
import se.kommun.moderation.ingest.linkedin.config.LinkedInConfig;
import se.kommun.moderation.ingest.linkedin.domain.LinkedInPayloadMapper;
import se.kommun.moderation.ingest.linkedin.domain.LinkedInSignature;
import se.kommun.moderation.ingest.linkedin.persistence.SeenNotifications;
import se.kommun.moderation.ingest.signature.HandshakeTokens;

/** LinkedIn's webhook: endpoint validation and signed organisation social-action notifications. */
@Path("/webhooks/linkedin")
@PermitAll
public class LinkedInWebhookResource {

    static final String SIGNATURE_HEADER = "X-LI-Signature";
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final LinkedInPayloadMapper mapper = new LinkedInPayloadMapper();

    @Inject
    LinkedInConfig config;

    @Inject
    DeliveryIntake intake;

    @Inject
    SeenNotifications seen;

    /** The validation answer LinkedIn expects within 3 s. */
    public record Validation(String challengeCode, String challengeResponse) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Endpoint validation: challengeResponse = hex HMAC-SHA256(challengeCode, client secret)")
    public Response validate(@QueryParam("challengeCode") String challengeCode) {
        if (challengeCode == null || challengeCode.isBlank()) {
            return WebhookAnswers.error(Status.BAD_REQUEST, "challengeCode is required");
        }
        if (!HandshakeTokens.isChallengeCode(challengeCode)) {
            return WebhookAnswers.error(Status.BAD_REQUEST, "challengeCode is not a version-4 UUID");
        }
        if (config.clientSecret().isEmpty()) {
            return WebhookAnswers.error(Status.NOT_FOUND, "no LinkedIn app is configured");
        }
        return Response.ok(new Validation(challengeCode,
                LinkedInSignature.challengeResponse(config.clientSecret().get(), challengeCode))).build();
    }

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Notifications signed with X-LI-Signature; 200 only after every event is on the broker")
    public Response receive(@HeaderParam("Content-Type") String contentType,
            @HeaderParam(SIGNATURE_HEADER) String signature, byte[] body) {
        Instant receivedAt = Instant.now();
        if (!WebhookAnswers.isJson(contentType)) {
            return WebhookAnswers.error(Status.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
        }
        if (body.length > config.maxBodyBytes()) {
            return WebhookAnswers.error(Status.REQUEST_ENTITY_TOO_LARGE,
                    "body is larger than " + config.maxBodyBytes() + " bytes");
        }
        if (config.clientSecret().isEmpty() || HandshakeTokens.couldBeAHandshakeToken(body)
                || !LinkedInSignature.isValid(signature, config.clientSecret().get(), body)) {
            return WebhookAnswers.error(Status.UNAUTHORIZED, signature == null ? "missing " + SIGNATURE_HEADER
                    + " header" : SIGNATURE_HEADER + " does not match the body");
        }
        RawBody raw = RawBody.of(body, contentType);
        try {
            LinkedInPayloadMapper.Mapped mapped = mapper.map(raw, receivedAt,
                    new HashSet<>(seen.seenAmong(mapper.notificationIds(raw))));
            DeliveryIntake.Outcome outcome = intake.deliver(raw, mapped.delivery(), receivedAt)
                    .await().atMost(PUBLISH_TIMEOUT);
            seen.remember(mapped.notificationIds(), receivedAt);
            return WebhookAnswers.of(outcome);
        } catch (UnreadableDeliveryException unreadable) {
            intake.quarantineWhole(Platform.LINKEDIN, null, unreadable.getMessage(), raw, receivedAt)
                    .await().atMost(PUBLISH_TIMEOUT);
            return Response.ok(new WebhookAnswers.Quarantined(unreadable.getMessage())).build();
        } catch (RuntimeException publishFailed) {
            return WebhookAnswers.unavailable(publishFailed);
        }
    }
}
