package se.kommun.moderation.classification.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.ModerationDecided;
import se.kommun.moderation.events.Route;

class FeedbackTest {

    private static EventEnvelope<ModerationDecided> event(DecisionKind kind, UUID classification, List<String> detectors) {
        boolean judged = kind == DecisionKind.CONFIRMED || kind == DecisionKind.OVERRIDDEN;
        ModerationDecided decision = new ModerationDecided(UUID.randomUUID(), kind, classification,
                judged ? Route.CRIMINAL : null, "threat", detectors, "rs-1", judged ? Route.TRIVIAL : null, "chatter",
                judged ? null : "KS 2026/12", "hemlig motivering", "moderator-7", Instant.parse("2026-03-01T10:00:00Z"));
        return EventEnvelope.wrap(UUID.randomUUID(), Instant.parse("2026-03-01T10:00:01Z"), "web:site:c-1", "case-service",
                decision);
    }

    @Test
    void anOverrideKeepsWhatTheClassifierSaidAndWhatTheModeratorDecided() {
        UUID classification = UUID.randomUUID();
        EventEnvelope<ModerationDecided> event = event(DecisionKind.OVERRIDDEN, classification,
                List.of("ThreatDetector", "ComplaintDetector", "ThreatDetector"));

        Feedback feedback = Feedback.of(event).orElseThrow();

        assertThat(feedback.eventId()).isEqualTo(event.eventId());
        assertThat(feedback.classificationKey()).isEqualTo(classification);
        assertThat(feedback.classifiedRoute()).isEqualTo(Route.CRIMINAL);
        assertThat(feedback.decidedRoute()).isEqualTo(Route.TRIVIAL);
        assertThat(feedback.detectors()).containsExactly("ComplaintDetector", "ThreatDetector");
        assertThat(feedback.toString()).doesNotContain("moderator-7").doesNotContain("hemlig");
    }

    @Test
    void aDecisionWithoutItsClassificationIdStandsForItself() {
        EventEnvelope<ModerationDecided> event = event(DecisionKind.CONFIRMED, null, List.of());
        assertThat(Feedback.of(event).orElseThrow().classificationKey()).isEqualTo(event.eventId());
    }

    @Test
    void legalHoldsAreNotFeedback() {
        assertThat(Feedback.of(event(DecisionKind.LEGAL_HOLD_SET, null, List.of()))).isEmpty();
        assertThat(Feedback.of(event(DecisionKind.LEGAL_HOLD_RELEASED, null, List.of()))).isEmpty();
    }
}
