package se.kommun.moderation.ingest.delivery.rest;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.delivery.domain.DeliveryIntake;
import se.kommun.moderation.ingest.delivery.domain.MappedDelivery;
import se.kommun.moderation.ingest.delivery.domain.RawBody;
import se.kommun.moderation.ingest.delivery.domain.UnreadableDeliveryException;

/**
 * The order every platform's signed POST is handled in: content type (415), size (413), signature
 * on the raw bytes (401), then mapping; a signed body that cannot be read is quarantined whole and
 * answered 2xx so the platform stops retrying; otherwise the intake publishes and the answer waits
 * for the broker.
 */
@ApplicationScoped
public class SignedWebhook {

    /**
     * One platform's side of it. {@code completion} may add what the delivery itself lacks (e.g. a
     * link looked up at the platform) after the signature was checked.
     */
    public record Spec(Platform platform, String signatureHeader, int maxBodyBytes,
            Predicate<byte[]> signatureMatches, BiFunction<RawBody, Instant, MappedDelivery> mapper,
            Completion completion) {

        public Spec(Platform platform, String signatureHeader, int maxBodyBytes,
                Predicate<byte[]> signatureMatches, BiFunction<RawBody, Instant, MappedDelivery> mapper) {
            this(platform, signatureHeader, maxBodyBytes, signatureMatches, mapper, NO_COMPLETION);
        }
    }

    /**
     * What a platform may add to a mapped delivery before it is published. Asked first whether a
     * delivery needs it at all, so that one which does not (a Facebook delivery at Meta's endpoint)
     * goes on without a Uni stage of its own: every stage captures and restores the request's
     * context, which at a comment per request was a tenth of the edge's CPU (bench/ingest).
     */
    public interface Completion {

        boolean isNeededFor(MappedDelivery delivery);

        /** Must not fail, and must not hold the answer long. */
        Uni<MappedDelivery> complete(MappedDelivery delivery);

        static Completion of(Predicate<MappedDelivery> isNeededFor,
                Function<MappedDelivery, Uni<MappedDelivery>> complete) {
            return new Completion() {
                @Override
                public boolean isNeededFor(MappedDelivery delivery) {
                    return isNeededFor.test(delivery);
                }

                @Override
                public Uni<MappedDelivery> complete(MappedDelivery delivery) {
                    return complete.apply(delivery);
                }
            };
        }
    }

    /** Most platforms' deliveries are complete as they come. */
    private static final Completion NO_COMPLETION = Completion.of(delivery -> false, Uni.createFrom()::item);

    @Inject
    DeliveryIntake intake;

    public Uni<Response> receive(Spec spec, String contentType, String signature, byte[] body) {
        Instant receivedAt = Instant.now();
        if (!WebhookAnswers.isJson(contentType)) {
            return WebhookAnswers.refuse(Status.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
        }
        if (body.length > spec.maxBodyBytes()) {
            return WebhookAnswers.refuse(Status.REQUEST_ENTITY_TOO_LARGE,
                    "body is larger than " + spec.maxBodyBytes() + " bytes");
        }
        if (signature == null || !spec.signatureMatches().test(body)) {
            return WebhookAnswers.refuse(Status.UNAUTHORIZED, signature == null
                    ? "missing " + spec.signatureHeader() + " header"
                    : spec.signatureHeader() + " does not match the body");
        }
        RawBody raw = RawBody.of(body, contentType);
        MappedDelivery mapped;
        try {
            mapped = spec.mapper().apply(raw, receivedAt);
        } catch (UnreadableDeliveryException unreadable) {
            return intake.quarantineWhole(spec.platform(), null, unreadable.getMessage(), raw, receivedAt)
                    .replaceWith(() -> Response.ok(new WebhookAnswers.Quarantined(unreadable.getMessage())).build())
                    .onFailure().recoverWithItem(WebhookAnswers::unavailable);
        }
        if (spec.completion().isNeededFor(mapped)) {
            return spec.completion().complete(mapped)
                    .chain(completed -> intake.deliver(raw, completed, receivedAt, SignedWebhook::answer))
                    .onFailure().recoverWithItem(WebhookAnswers::unavailable);
        }
        try {
            return intake.deliver(raw, mapped, receivedAt, SignedWebhook::answer);
        } catch (RuntimeException failure) {
            // As inside a stage: a failure to publish is answered 503 (the platform retries), not 500.
            return Uni.createFrom().item(WebhookAnswers.unavailable(failure));
        }
    }

    private static Response answer(DeliveryIntake.Outcome outcome, Throwable failure) {
        return failure == null ? WebhookAnswers.of(outcome) : WebhookAnswers.unavailable(failure);
    }
}
