package se.kommun.moderation.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The events between services beyond the intake path: each survives the codec and guards its invariants. */
class ContractEventsTest {

    private static final String KEY = "facebook:page-1:c-1";
    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    private final EventCodec codec = EventCodec.instance();

    private <P> void roundTrips(P payload, Class<P> type) {
        EventEnvelope<P> sent = EventEnvelope.wrap(UUID.randomUUID(), AT, KEY, "test", payload);
        EventEnvelope<P> read = codec.decode(codec.encode(sent), type);
        assertThat(read).isEqualTo(sent);
        assertThat(read.type()).isEqualTo(type.getAnnotation(EventType.class).name());
    }

    @Test
    void evidenceCapturedRoundTrips() {
        roundTrips(new EvidenceCaptured(UUID.randomUUID(), UUID.randomUUID(),
                List.of(new EvidenceArtefact(UUID.randomUUID(), EvidenceKind.PDFA_RENDITION, "application/pdf", 1234,
                        "ab".repeat(32))),
                List.of("SCREENSHOT_PNG: permalink unreachable (timeout after 15 s)"), AT), EvidenceCaptured.class);
    }

    @Test
    void anEvidenceBundleWithoutArtefactsIsRefused() {
        assertThatThrownBy(() -> new EvidenceCaptured(UUID.randomUUID(), null, List.of(), List.of(), AT))
                .hasMessageContaining("at least one artefact");
    }

    @Test
    void platformCommandRoundTripsAndAReplyNeedsText() {
        roundTrips(new PlatformCommandIssued(UUID.randomUUID(), "hide:" + KEY, CommandAction.HIDE, Platform.FACEBOOK,
                "page-1", "c-1", null, UUID.randomUUID(), UUID.randomUUID(), "case-service", AT),
                PlatformCommandIssued.class);
        assertThatThrownBy(() -> new PlatformCommandIssued(UUID.randomUUID(), "reply:1", CommandAction.REPLY,
                Platform.FACEBOOK, "page-1", "c-1", " ", null, null, "anna", AT))
                .hasMessageContaining("replyText");
        assertThat(CommandAction.DELETE.removesContent()).isTrue();
        assertThat(CommandAction.REPLY.removesContent()).isFalse();
    }

    @Test
    void platformResultRoundTrips() {
        roundTrips(new PlatformCommandCompleted(UUID.randomUUID(), "hide:" + KEY, CommandAction.HIDE,
                CommandOutcome.FAILED, 4, 400, "(#100) Invalid parameter", null, AT), PlatformCommandCompleted.class);
    }

    @Test
    void moderationDecisionRoundTripsAndAnOverrideNamesBothRoutes() {
        roundTrips(new ModerationDecided(UUID.randomUUID(), DecisionKind.OVERRIDDEN, UUID.randomUUID(),
                Route.TRIVIAL, "question", List.of("question-mark"), "rs-1", Route.COMPLAINT, "complaint", null,
                "it is a complaint about snow clearing", "anna", AT), ModerationDecided.class);
        roundTrips(new ModerationDecided(UUID.randomUUID(), DecisionKind.LEGAL_HOLD_SET, null, null, null, null,
                null, null, null, "KS 2026/17", "request for access pending", "registrar", AT),
                ModerationDecided.class);
        assertThatThrownBy(() -> new ModerationDecided(UUID.randomUUID(), DecisionKind.CONFIRMED, null, null, null,
                null, null, null, null, null, null, "anna", AT)).hasMessageContaining("classifiedRoute");
    }

    @Test
    void recordCulledRoundTrips() {
        roundTrips(new RecordCulled(Route.TRIVIAL, "thanks", "KS 2025/88 §4", AT.minusSeconds(86_400 * 100), AT,
                "cd".repeat(32), 2, "gallring-job"), RecordCulled.class);
    }
}
