package se.kommun.moderation.archive.evidence.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import se.kommun.moderation.archive.evidence.messaging.EvidenceWorker;
import se.kommun.moderation.archive.evidence.persistence.EvidenceRequests;
import se.kommun.moderation.archive.evidence.persistence.StoredRecords;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.ModerationDecided;
import se.kommun.moderation.events.Route;

/**
 * A moderator overrode the classifier into the removal lane (a threat it missed, a diagnosis it
 * took for chatter): the comment needs evidence before the case-service may remove it, just as if
 * the classifier had caught it. The request id derives from the decision's event id, so a
 * redelivered decision queues nothing twice.
 */
@ApplicationScoped
public class EscalationEvidence {

    static final String REQUESTED_BY = "moderation.decisions";

    @Inject
    EvidenceRequests requests;

    @Inject
    StoredRecords records;

    @Inject
    EvidenceWorker worker;

    public static boolean escalates(ModerationDecided decision) {
        return decision.kind() == DecisionKind.OVERRIDDEN
                && (decision.decidedRoute() == Route.CRIMINAL || decision.decidedRoute() == Route.CONFIDENTIAL)
                && decision.classifiedRoute() != Route.CRIMINAL && decision.classifiedRoute() != Route.CONFIDENTIAL;
    }

    /** Queues a capture for an escalating decision; true when one was queued now. */
    public boolean requestIfEscalated(EventEnvelope<ModerationDecided> event) {
        if (!escalates(event.payload())) {
            return false;
        }
        String permalink = records.load(event.commentKey()).map(r -> r.latest().permalink()).orElse(null);
        boolean queued = QuarkusTransaction.requiringNew().call(() -> requests.enqueue(
                EventIds.derive("evidence-request", event.eventId().toString()), event.commentKey(), null,
                REQUESTED_BY, permalink, Instant.now()));
        if (queued) {
            worker.wake();
        }
        return queued;
    }
}
