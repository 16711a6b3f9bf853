package se.kommun.moderation.archive.classification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.ClassifiedComment;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Verb;

class EvidencePolicyTest {

    static CommentClassified classified(Route route, List<Route> flags) {
        return new CommentClassified(UUID.randomUUID(), route, null, flags, 0.9, false, false, List.of(), "v1",
                new ClassifiedComment(Platform.WEB, "site", "c-1", null, "text", null, Instant.now(), Verb.ADDED));
    }

    @Test
    void confidentialAndCriminalGetEvidenceAsRouteOrAsFlag() {
        assertThat(EvidencePolicy.needsEvidence(classified(Route.CONFIDENTIAL, List.of()))).isTrue();
        assertThat(EvidencePolicy.needsEvidence(classified(Route.CRIMINAL, List.of()))).isTrue();
        assertThat(EvidencePolicy.needsEvidence(classified(Route.COMPLAINT, List.of(Route.CRIMINAL)))).isTrue();
        assertThat(EvidencePolicy.needsEvidence(classified(Route.COMPLAINT, List.of(Route.COMPLAINT)))).isFalse();
        assertThat(EvidencePolicy.needsEvidence(classified(Route.TRIVIAL, List.of()))).isFalse();
    }
}
