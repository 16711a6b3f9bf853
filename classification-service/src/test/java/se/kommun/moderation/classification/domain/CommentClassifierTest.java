package se.kommun.moderation.classification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kommun.moderation.classification.domain.rules.RuleSetRegistry;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.RawPayload;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Verb;

class CommentClassifierTest {

    @TempDir
    Path overrides;

    private static EventEnvelope<CommentReceived> received(String text, Verb verb) {
        CommentReceived payload = new CommentReceived(Platform.WEB, "site", "c-1", null, null,
                new Author(null, "Anna"), text, List.of(), null, null, Instant.parse("2026-03-01T10:00:00Z"), verb,
                "k-1", RawPayload.ofBase64("00", "application/json", "e30=", "00"));
        return EventEnvelope.wrap(UUID.fromString("00000000-0000-0000-0000-000000000001"),
                Instant.parse("2026-03-01T10:00:01Z"), payload.commentKey().toString(), "test", payload);
    }

    @Test
    void mapsAVerdictToTheEventWithTheRuleSetVersion() {
        CommentClassifier classifier = new CommentClassifier(0.6);
        EventEnvelope<CommentClassified> out = classifier.classify(received("Mitt pnr är 811218-9876", Verb.ADDED),
                Instant.now()).orElseThrow();
        assertThat(out.payload().route()).isEqualTo(Route.CONFIDENTIAL);
        assertThat(out.payload().ruleSetVersion()).as("the rules' version and the model's").matches(
                "rs-[0-9a-f]{16}\\+m-[0-9a-f]{12}");
        assertThat(out.payload().reviewRequired()).isFalse();
        assertThat(out.producer()).isEqualTo(CommentClassifier.PRODUCER);
    }

    @Test
    void theSameInputGivesTheSameEventId() {
        CommentClassifier classifier = new CommentClassifier(0.6);
        EventEnvelope<CommentReceived> in = received("Tack!", Verb.ADDED);
        assertThat(classifier.classify(in, Instant.now()).orElseThrow().eventId())
                .isEqualTo(classifier.classify(in, Instant.now().plusSeconds(5)).orElseThrow().eventId());
    }

    @Test
    void withoutAModelLowConfidenceRequiresReview() {
        CommentClassifier strict = new CommentClassifier(0.999, RuleSetRegistry.bundled(), Optional.empty());
        assertThat(strict.classify(received("Tack!", Verb.ADDED), Instant.now()).orElseThrow().payload()
                .reviewRequired()).isTrue();
    }

    @Test
    void removalsAreNotClassified() {
        assertThat(new CommentClassifier(0.6).classify(received("", Verb.REMOVED_BY_AUTHOR), Instant.now())).isEmpty();
    }

    @Test
    void aReloadedRuleSetIsUsedForTheNextCommentWithANewVersion() throws IOException {
        RuleSetRegistry registry = RuleSetRegistry.withOverrides(overrides);
        CommentClassifier classifier = new CommentClassifier(0.6, registry, Optional.empty()); // the rules alone
        EventEnvelope<CommentReceived> in = received("Vi ska kvävas alla", Verb.ADDED);
        CommentClassified before = classifier.classify(in, Instant.now()).orElseThrow().payload();

        Files.createDirectories(overrides.resolve("sv"));
        Files.writeString(overrides.resolve("sv/local.txt"), "[threat_phrase]\nska kvävas alla\n");
        registry.reload();
        CommentClassified after = classifier.classify(in, Instant.now()).orElseThrow().payload();

        assertThat(before.route()).isEqualTo(Route.TRIVIAL);
        assertThat(after.route()).isEqualTo(Route.CRIMINAL);
        assertThat(after.ruleSetVersion()).isNotEqualTo(before.ruleSetVersion());
    }
}
