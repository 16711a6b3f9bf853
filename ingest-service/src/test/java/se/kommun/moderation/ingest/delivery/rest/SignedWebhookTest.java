package se.kommun.moderation.ingest.delivery.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.delivery.domain.DeliveryIntake;
import se.kommun.moderation.ingest.delivery.domain.MappedDelivery;
import se.kommun.moderation.ingest.delivery.domain.RawBody;

/**
 * How the edge answers once a delivery is signed and mapped: the platform retries on 5xx, so every
 * way the intake can fail to keep the delivery must come back as 503 with a reason, and never as 2xx.
 */
class SignedWebhookTest {

    private static final byte[] BODY = "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aDeliveryTheBrokerDidNotAcknowledgeIsAnswered503SoThePlatformRetries() {
        Response answer = answerWhen(() -> Uni.createFrom().failure(new TimeoutException("no acknowledgement")));

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(((ErrorBody) answer.getEntity()).error()).contains("retry");
    }

    @Test
    void anIntakeThatThrowsBeforeItHasAUniIsAnswered503Too() {
        Response answer = answerWhen(() -> {
            throw new IllegalStateException("cannot serialise CommentReceived");
        });

        assertThat(answer.getStatus()).isEqualTo(503);
    }

    @Test
    void afterACompletionStepAFailureToPublishIsAnswered503AndSuccess200() {
        Response failed = answerWhen(() -> {
            throw new IllegalStateException("cannot serialise CommentReceived");
        }, completion(true));
        Response acknowledged = answerWhen(() -> Uni.createFrom().item(
                new DeliveryIntake.Outcome(0, 0, 0, DeliveryIntake.Refusal.NONE)), completion(true));

        assertThat(failed.getStatus()).isEqualTo(503);
        assertThat(acknowledged.getStatus()).isEqualTo(200);
    }

    @Test
    void anAcknowledgedDeliveryIsAnswered200WithItsCounts() {
        Response answer = answerWhen(() -> Uni.createFrom().item(
                new DeliveryIntake.Outcome(0, 0, 0, DeliveryIntake.Refusal.NONE)));

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getEntity()).isInstanceOf(DeliveryIntake.Outcome.class);
    }

    private static Response answerWhen(Supplier<Uni<DeliveryIntake.Outcome>> delivery) {
        return answerWhen(delivery, completion(false));
    }

    /** A completion step that may be needed; when it is, it passes the delivery on unchanged. */
    private static SignedWebhook.Completion completion(boolean needed) {
        return SignedWebhook.Completion.of(delivery -> needed, Uni.createFrom()::item);
    }

    private static Response answerWhen(Supplier<Uni<DeliveryIntake.Outcome>> delivery,
            SignedWebhook.Completion completion) {
        SignedWebhook webhook = new SignedWebhook();
        webhook.intake = new DeliveryIntake() {
            // As the real intake: the answer is made from the outcome once acknowledged, or from the failure.
            @Override
            public <A> Uni<A> deliver(RawBody body, MappedDelivery mapped, Instant receivedAt,
                    BiFunction<Outcome, Throwable, A> answer) {
                return delivery.get().onItemOrFailure().transform(answer);
            }
        };
        SignedWebhook.Spec spec = new SignedWebhook.Spec(Platform.FACEBOOK, "X-Hub-Signature-256", 1 << 20,
                body -> true, (body, receivedAt) -> new MappedDelivery(Platform.FACEBOOK, List.of(), 0, List.of()),
                completion);
        return webhook.receive(spec, "application/json", "sha256=checked-by-the-spec", BODY)
                .await().atMost(Duration.ofSeconds(5));
    }
}
