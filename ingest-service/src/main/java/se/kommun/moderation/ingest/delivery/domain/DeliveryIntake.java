package se.kommun.moderation.ingest.delivery.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import se.kommun.moderation.events.CommentQuarantined;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.accounts.domain.AccountDirectory;
import se.kommun.moderation.ingest.accounts.domain.AccountStatus;
import se.kommun.moderation.ingest.messaging.EventPublisher;

/**
 * The one path every verified delivery takes: comments for active accounts are published, the rest
 * (unmappable parts, unknown or inactive accounts) is quarantined, and the returned {@link Uni}
 * completes only when the broker has acknowledged every one of those events. Nothing is answered
 * 2xx before that, so nothing the platform sent is lost.
 */
@ApplicationScoped
public class DeliveryIntake {

    /** Why a delivery was refused although it was kept: it named no active account of ours. */
    public enum Refusal { NONE, UNKNOWN_ACCOUNT, INACTIVE_ACCOUNT }

    public record Outcome(int published, int skipped, int quarantined, Refusal refusal) {
    }

    @Inject
    EventPublisher publisher;

    @Inject
    AccountDirectory accounts;

    @Inject
    MeterRegistry metrics;

    private final Map<Platform, Counter> publishedCounters = new ConcurrentHashMap<>();

    public Uni<Outcome> deliver(RawBody body, MappedDelivery mapped, Instant receivedAt) {
        Sorted sorted = sort(body, mapped, receivedAt);
        return publisher.publishAll(sorted.publish(), sorted.quarantine()).map(acknowledged -> acknowledged(sorted));
    }

    /**
     * As {@link #deliver(RawBody, MappedDelivery, Instant)}, with the caller's answer made in the same
     * stage: {@code answer} gets the outcome once every event is acknowledged, or else the failure to
     * publish (and a null outcome). A webhook's path has one Uni stage fewer that way, and every
     * stage captures and restores the request's context, which showed in the edge's profile at a
     * comment per request (bench/ingest).
     */
    public <A> Uni<A> deliver(RawBody body, MappedDelivery mapped, Instant receivedAt,
            BiFunction<Outcome, Throwable, A> answer) {
        Sorted sorted = sort(body, mapped, receivedAt);
        return publisher.publishAll(sorted.publish(), sorted.quarantine()).onItemOrFailure().transform(
                (acknowledged, failure) -> failure == null ? answer.apply(acknowledged(sorted), null)
                        : answer.apply(null, failure));
    }

    /** A delivery's events, sorted into those to publish and those to quarantine, and what the answer will say. */
    private record Sorted(Platform platform, List<EventEnvelope<CommentReceived>> publish,
            List<EventEnvelope<CommentQuarantined>> quarantine, Outcome outcome) {
    }

    private Outcome acknowledged(Sorted sorted) {
        published(sorted.platform()).increment(sorted.publish().size());
        return sorted.outcome();
    }

    private Sorted sort(RawBody body, MappedDelivery mapped, Instant receivedAt) {
        Platform platform = mapped.platform();
        List<EventEnvelope<CommentReceived>> publish = new ArrayList<>();
        List<EventEnvelope<CommentQuarantined>> quarantine = new ArrayList<>();
        int unknown = 0;
        int inactive = 0;
        for (CommentReceived comment : mapped.comments()) {
            Optional<AccountStatus> status = accounts.find(comment.platform(), comment.accountId())
                    .map(AccountDirectory.Entry::status);
            if (status.isEmpty() || status.get() != AccountStatus.ACTIVE) {
                String reason = status.isEmpty() ? "unknown account" : "account is " + status.get();
                unknown += status.isEmpty() ? 1 : 0;
                inactive += status.isEmpty() ? 0 : 1;
                quarantine.add(QuarantineEvents.of(platform, comment.accountId(), reason,
                        comment.raw().fragment(), body, receivedAt));
                count("ingest.quarantined", platform, status.isEmpty() ? "unknown-account" : "inactive-account");
            } else {
                publish.add(ReceivedEvents.envelope(comment));
            }
        }
        for (MappedDelivery.Unmappable part : mapped.unmappable()) {
            quarantine.add(QuarantineEvents.of(platform, part.accountId(), part.reason(), part.fragment(), body,
                    receivedAt));
            count("ingest.quarantined", platform, "unmappable");
        }
        Refusal refusal = !publish.isEmpty() || mapped.comments().isEmpty() ? Refusal.NONE
                : unknown > 0 ? Refusal.UNKNOWN_ACCOUNT : inactive > 0 ? Refusal.INACTIVE_ACCOUNT : Refusal.NONE;
        if (mapped.skipped() > 0) {
            metrics.counter("ingest.changes.skipped", "platform", platform.id()).increment(mapped.skipped());
        }
        return new Sorted(platform, publish, quarantine,
                new Outcome(publish.size(), mapped.skipped(), quarantine.size(), refusal));
    }

    /** A whole delivery we could not read although its signature was right. */
    public Uni<Void> quarantineWhole(Platform platform, String accountId, String reason, RawBody body,
            Instant receivedAt) {
        count("ingest.quarantined", platform, "unreadable");
        return publisher.publishAll(List.of(),
                List.of(QuarantineEvents.of(platform, accountId, reason, body.bytes(), body, receivedAt)));
    }

    /** Looked up once per platform: this counter moves on every delivery. */
    private Counter published(Platform platform) {
        return publishedCounters.computeIfAbsent(platform,
                p -> metrics.counter("ingest.comments.published", "platform", p.id()));
    }

    private void count(String name, Platform platform, String cause) {
        metrics.counter(name, "platform", platform.id(), "cause", cause).increment();
    }
}
