package se.kommun.moderation.cases.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.kommun.moderation.cases.desk.DeskFixtures.classified;
import static se.kommun.moderation.cases.desk.DeskFixtures.inTransaction;
import static se.kommun.moderation.cases.desk.DeskFixtures.newCommentId;
import static se.kommun.moderation.cases.desk.DeskFixtures.publishClassified;
import static se.kommun.moderation.cases.quality.LabelFixtures.awaitOnDesk;
import static se.kommun.moderation.cases.quality.LabelFixtures.confirm;
import static se.kommun.moderation.cases.quality.LabelFixtures.decide;
import static se.kommun.moderation.cases.quality.LabelFixtures.exported;
import static se.kommun.moderation.cases.quality.LabelFixtures.label;
import static se.kommun.moderation.cases.quality.LabelFixtures.lineOf;
import static se.kommun.moderation.cases.quality.LabelFixtures.moderator;
import static se.kommun.moderation.cases.quality.LabelFixtures.underReview;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionRequiredException;
import jakarta.transaction.TransactionalException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.cases.actions.persistence.RemovalEntity;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.quality.domain.ModeratorLabels;
import se.kommun.moderation.cases.quality.persistence.ModeratorLabelEntity;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TopicProbe;

/**
 * A person's confirmation or override becomes the comment's label in the decision's own
 * transaction: written when the decision is, gone when it is rolled back, replaced by a later one.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "case"))
class ModeratorLabelsTest {

    KafkaBroker broker;
    private TopicProbe probe;

    @Inject
    ModeratorLabels labels;

    @BeforeEach
    void openProbe() {
        probe = new TopicProbe(broker);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void aDecisionWritesItsLabelAndARolledBackDecisionWritesNone() {
        EventEnvelope<CommentClassified> event = underReview(probe, Route.TRIVIAL, "question", true,
                "När öppnar simhallen efter renoveringen?");
        confirm(moderator(), event.commentKey());

        ModeratorLabelEntity label = label(event.commentKey());
        assertThat(label).isNotNull();
        assertThat(label.route).isEqualTo(Route.TRIVIAL);
        assertThat(label.subtype).isEqualTo("question");
        assertThat(label.needsResponse).isTrue();
        assertThat(label.decision).isEqualTo(DecisionKind.CONFIRMED);
        assertThat(label.classifierRoute).isEqualTo(Route.TRIVIAL);
        assertThat(label.classifiedEvent).isEqualTo(event.eventId());
        assertThat(label.ruleSetVersion).isEqualTo("rules-test");
        assertThat(label.platform).isEqualTo("facebook");
        assertThat(label.text).isEqualTo("När öppnar simhallen efter renoveringen?");
        assertThat(label.decidedBy).isEqualTo("moderator");

        // A comment once in the removal lane, now classified trivial: its removal stays, so an
        // escalation is refused after the decision was announced, and the whole transaction goes.
        EventEnvelope<CommentClassified> criminal = classified(newCommentId(), Route.CRIMINAL, "threat", 0.5, true,
                false, "Akta dig när du går hem i kväll");
        publishClassified(probe, criminal);
        awaitOnDesk(criminal);
        assertThat(inTransaction(() -> RemovalEntity.<RemovalEntity>findById(criminal.commentKey()))).isNotNull();
        EventEnvelope<CommentClassified> trivial = reclassifiedTrivial(criminal);
        publishClassified(probe, trivial);
        awaitOnDesk(trivial);
        moderator().contentType(ContentType.JSON).body(Map.of("route", "CRIMINAL", "reason", "hot"))
                .post("/queue/comments/{key}/escalate", criminal.commentKey()).then().statusCode(409);
        assertThat(label(criminal.commentKey())).as("rolled back with the decision").isNull();
    }

    @Test
    void aLaterDecisionReplacesTheLabelAndKeepsWhatTheClassifierSaid() {
        EventEnvelope<CommentClassified> event = underReview(probe, Route.COMPLAINT, "complaint", true,
                "Tack till personalen på äldreboendet, ni är fantastiska");
        decide(moderator(), event.commentKey(), Route.TRIVIAL, "thanks");
        ModeratorLabelEntity first = label(event.commentKey());
        assertThat(first.route).isEqualTo(Route.TRIVIAL);
        assertThat(first.decision).isEqualTo(DecisionKind.OVERRIDDEN);

        // A second look: a veiled threat after all. The desk now says TRIVIAL (the first decision's).
        moderator().contentType(ContentType.JSON)
                .body(Map.of("route", "CRIMINAL", "subtype", "threat", "reason", "förtäckt hot"))
                .post("/queue/comments/{key}/escalate", event.commentKey()).then().statusCode(200);

        ModeratorLabelEntity second = label(event.commentKey());
        assertThat(inTransaction(() -> ModeratorLabelEntity.count("commentKey", event.commentKey()))).isEqualTo(1);
        assertThat(second.route).isEqualTo(Route.CRIMINAL);
        assertThat(second.subtype).isEqualTo("threat");
        assertThat(second.needsResponse).as("the guide: a criminal comment is never answered").isFalse();
        assertThat(second.decision).isEqualTo(DecisionKind.OVERRIDDEN);
        assertThat(second.classifierRoute).as("the classifier's, not the first person's").isEqualTo(Route.COMPLAINT);
        assertThat(second.classifierSubtype).isEqualTo("complaint");
        assertThat(second.decidedAt).isAfterOrEqualTo(first.decidedAt);
    }

    @Test
    void aLabelIsNeverWrittenOutsideADecisionsTransaction() {
        EventEnvelope<CommentClassified> event = classified(newCommentId(), Route.TRIVIAL, "chatter", 0.9, false,
                false, "Skönt med sol");
        publishClassified(probe, event);
        awaitOnDesk(event);
        DeskCommentEntity comment = inTransaction(() -> DeskCommentEntity.findById(event.commentKey()));

        assertThatThrownBy(() -> labels.record(comment, Route.TRIVIAL, "chatter", "moderator", Instant.now()))
                .isInstanceOf(TransactionalException.class).hasCauseInstanceOf(TransactionRequiredException.class);
        assertThat(label(event.commentKey())).isNull();
    }

    @Test
    void anOverrideThatNamesNoSubtypeIsKeptWithoutOne() {
        Instant started = Instant.now();
        EventEnvelope<CommentClassified> event = underReview(probe, Route.COMPLAINT, "complaint", true,
                "Vi ses på loppisen på lördag!");
        decide(moderator(), event.commentKey(), Route.TRIVIAL, null);

        ModeratorLabelEntity label = label(event.commentKey());
        assertThat(label.route).isEqualTo(Route.TRIVIAL);
        assertThat(label.subtype).isNull();
        List<JsonNode> lines = exported(started, Map.of());
        JsonNode line = lineOf(lines, event.commentKey());
        assertThat(line.has("subtype")).as("present, as null").isTrue();
        assertThat(line.get("subtype").isNull()).isTrue();
        assertThat(line.path("route").asText()).isEqualTo("trivial");
    }

    private static EventEnvelope<CommentClassified> reclassifiedTrivial(EventEnvelope<CommentClassified> first) {
        CommentClassified p = first.payload();
        CommentClassified again = new CommentClassified(UUID.randomUUID(), Route.TRIVIAL, "chatter",
                List.of(Route.TRIVIAL), 0.95, false, false, p.reasons(), "rules-test-2", p.comment());
        return EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), first.commentKey(),
                "classification-service", again);
    }
}
