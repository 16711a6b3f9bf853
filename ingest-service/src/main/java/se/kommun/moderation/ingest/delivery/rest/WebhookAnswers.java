package se.kommun.moderation.ingest.delivery.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.logging.Logger;
import se.kommun.moderation.ingest.delivery.domain.DeliveryIntake;

/** How the webhook endpoints answer: one reason per refusal, 5xx only when we failed to keep something. */
public final class WebhookAnswers {

    private static final Logger LOG = Logger.getLogger(WebhookAnswers.class);

    private WebhookAnswers() {
    }

    /** 200 for a signed delivery we kept but could not read: the platform must stop retrying it. */
    public record Quarantined(String quarantined) {
    }

    public static Uni<Response> refuse(Status status, String reason) {
        return Uni.createFrom().item(error(status, reason));
    }

    public static Response error(Status status, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(reason)).build();
    }

    /** 200 with counts; 404/403 when the delivery named no active account of ours (it was still kept). */
    public static Response of(DeliveryIntake.Outcome outcome) {
        return switch (outcome.refusal()) {
            case UNKNOWN_ACCOUNT -> error(Status.NOT_FOUND, "no registered account matches this delivery; kept in quarantine");
            case INACTIVE_ACCOUNT -> error(Status.FORBIDDEN, "the account is not active; kept in quarantine");
            case NONE -> Response.ok(outcome, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }


    /** The platform retries on 5xx; the cause goes to the log without any of the content. */
    public static Response unavailable(Throwable failure) {
        LOG.errorf("publishing to Kafka failed: %s", failure.getClass().getName());
        return error(Status.SERVICE_UNAVAILABLE, "the delivery could not be stored; retry later");
    }

    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        // What every platform sends, decided without parsing the header on each request.
        if (contentType.regionMatches(true, 0, "application/json", 0, 16)
                && (contentType.length() == 16 || contentType.charAt(16) == ';')) {
            return true;
        }
        try {
            return MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_JSON_TYPE);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
