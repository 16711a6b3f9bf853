package se.kommun.moderation.cases.desk;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.ClassifiedComment;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EvidenceArtefact;
import se.kommun.moderation.events.EvidenceCaptured;
import se.kommun.moderation.events.EvidenceKind;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.testkit.TopicProbe;

/** Events as the other services would send them, and reads of what this service published. */
public final class DeskFixtures {

    public static final EventCodec CODEC = EventCodec.instance();

    private DeskFixtures() {
    }

    public static String newCommentId() {
        return "c-" + UUID.randomUUID();
    }

    public static EventEnvelope<CommentClassified> classified(String commentId, Route route, String subtype,
            double confidence, boolean reviewRequired, boolean needsResponse, String text, Reason... reasons) {
        return classified("page-1", commentId, route, subtype, confidence, reviewRequired, needsResponse, text,
                Instant.parse("2026-11-24T09:00:00Z"), reasons);
    }

    public static EventEnvelope<CommentClassified> classified(String accountId, String commentId, Route route,
            String subtype, double confidence, boolean reviewRequired, boolean needsResponse, String text,
            Instant receivedAt, Reason... reasons) {
        ClassifiedComment comment = new ClassifiedComment(Platform.FACEBOOK, accountId, commentId,
                new Author("u-1", "Kalle Karlsson"), text, "https://facebook.test/" + commentId, receivedAt,
                Verb.ADDED);
        List<Reason> why = reasons.length > 0 ? List.of(reasons)
                : List.of(new Reason(route.name().toLowerCase() + ".test", route, subtype, 0, Math.min(4, text.length()),
                        confidence));
        CommentClassified payload = new CommentClassified(UUID.randomUUID(), route, subtype, List.of(route), confidence,
                needsResponse, reviewRequired, why, "rules-test", comment);
        return EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), "facebook:" + accountId + ":" + commentId,
                "classification-service", payload);
    }

    public static EventEnvelope<EvidenceCaptured> evidence(String commentKey) {
        EvidenceCaptured captured = new EvidenceCaptured(UUID.randomUUID(), UUID.randomUUID(),
                List.of(new EvidenceArtefact(UUID.randomUUID(), EvidenceKind.SCREENSHOT_PNG, "image/png", 2048,
                                "a".repeat(64)),
                        new EvidenceArtefact(UUID.randomUUID(), EvidenceKind.PDFA_RENDITION, "application/pdf", 4096,
                                "b".repeat(64))),
                List.of(), Instant.now());
        return EventEnvelope.wrap(captured.bundleId(), Instant.now(), commentKey, "archive-service", captured);
    }

    public static void publish(TopicProbe probe, String topic, EventEnvelope<?> event) {
        probe.send(topic, event.commentKey(), CODEC.encode(event));
    }

    public static void publishClassified(TopicProbe probe, EventEnvelope<CommentClassified> event) {
        publish(probe, Topics.COMMENTS_CLASSIFIED, event);
    }

    /** The records on a topic for one comment key. */
    public static List<ConsumerRecord<String, String>> recordsFor(TopicProbe probe, String topic, String key) {
        return probe.readAll(topic).stream().filter(r -> key.equals(r.key())).toList();
    }

    public static <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
