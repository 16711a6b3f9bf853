package se.kommun.moderation.cases.actions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static se.kommun.moderation.cases.desk.DeskFixtures.CODEC;
import static se.kommun.moderation.cases.desk.DeskFixtures.classified;
import static se.kommun.moderation.cases.desk.DeskFixtures.evidence;
import static se.kommun.moderation.cases.desk.DeskFixtures.inTransaction;
import static se.kommun.moderation.cases.desk.DeskFixtures.newCommentId;
import static se.kommun.moderation.cases.desk.DeskFixtures.publish;
import static se.kommun.moderation.cases.desk.DeskFixtures.publishClassified;
import static se.kommun.moderation.cases.desk.DeskFixtures.recordsFor;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.cases.actions.domain.RemovalState;
import se.kommun.moderation.cases.actions.persistence.RemovalEntity;
import se.kommun.moderation.cases.tasks.domain.TaskKind;
import se.kommun.moderation.cases.tasks.persistence.TaskEntity;
import se.kommun.moderation.events.CommandAction;
import se.kommun.moderation.events.CommandOutcome;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EvidenceCaptured;
import se.kommun.moderation.events.ModerationDecided;
import se.kommun.moderation.events.PlatformCommandCompleted;
import se.kommun.moderation.events.PlatformCommandIssued;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.messaging.deadletter.DeadLetterHeaders;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TopicProbe;

/** The decision point through the real broker and database: nothing leaves public view before evidence. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "case"))
class DecisionPointFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    KafkaBroker broker;
    private TopicProbe probe;

    @BeforeEach
    void openProbe() {
        probe = new TopicProbe(broker);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    private static RemovalEntity removal(String key) {
        return inTransaction(() -> RemovalEntity.findById(key));
    }

    private List<EventEnvelope<PlatformCommandIssued>> commandsFor(String key) {
        return recordsFor(probe, Topics.PLATFORM_COMMANDS, key).stream()
                .map(r -> CODEC.decode(r.value(), PlatformCommandIssued.class)).toList();
    }

    private static TaskEntity task(String key, TaskKind kind) {
        return inTransaction(() -> TaskEntity.<TaskEntity>find("commentKey = ?1 and kind = ?2", key, kind).firstResult());
    }

    @Test
    void aSureCriminalCommentIsHiddenOnlyAfterItsEvidenceArrivedAndExactlyOnce() {
        EventEnvelope<CommentClassified> threat = classified(newCommentId(), Route.CRIMINAL, "threat", 0.95, false,
                false, "Jag ska döda dig");
        String key = threat.commentKey();
        publishClassified(probe, threat);

        await().atMost(WAIT).until(() -> removal(key) != null);
        assertThat(removal(key).state).isEqualTo(RemovalState.AWAITING_EVIDENCE);
        assertThat(task(key, TaskKind.POLICE_REPORT)).isNotNull();
        assertThat(task(key, TaskKind.ANSWER)).as("criminal content is not answered").isNull();
        // The case is registered and announced as a legal hold for the archive.
        await().atMost(WAIT).until(() -> recordsFor(probe, Topics.MODERATION_DECISIONS, key).size() == 1);
        assertThat(CODEC.decode(recordsFor(probe, Topics.MODERATION_DECISIONS, key).get(0).value(),
                ModerationDecided.class).payload().kind()).isEqualTo(DecisionKind.LEGAL_HOLD_SET);
        assertThat(commandsFor(key)).as("no removal before evidence").isEmpty();

        EventEnvelope<EvidenceCaptured> bundle = evidence(key);
        publish(probe, Topics.EVIDENCE_CAPTURED, bundle);
        publish(probe, Topics.EVIDENCE_CAPTURED, bundle);

        await().atMost(WAIT).until(() -> commandsFor(key).size() == 1);
        PlatformCommandIssued command = commandsFor(key).get(0).payload();
        assertThat(command.action()).isEqualTo(CommandAction.HIDE);
        assertThat(command.evidenceBundleId()).isEqualTo(bundle.payload().bundleId());
        assertThat(command.target()).isEqualTo(threat.payload().comment().commentId());
        assertThat(command.accountId()).isEqualTo("page-1");
        assertThat(command.idempotencyKey()).isEqualTo("hide:" + key + ":#1");
        assertThat(removal(key).state).isEqualTo(RemovalState.COMMANDED);
        assertThat(task(key, TaskKind.POLICE_REPORT).evidenceBundleId).isEqualTo(bundle.payload().bundleId());

        // The platform's answer closes the removal; a redelivered result changes nothing.
        PlatformCommandCompleted done = new PlatformCommandCompleted(command.commandId(), command.idempotencyKey(),
                CommandAction.HIDE, CommandOutcome.SUCCEEDED, 1, 200, "{\"success\":true}", null, Instant.now());
        EventEnvelope<PlatformCommandCompleted> result = EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), key,
                "ingest-service", done);
        publish(probe, Topics.PLATFORM_RESULTS, result);
        publish(probe, Topics.PLATFORM_RESULTS, result);
        await().atMost(WAIT).until(() -> removal(key).state == RemovalState.DONE);

        // Redelivering the classification does not decide again.
        publishClassified(probe, threat);
        EventEnvelope<CommentClassified> marker = classified(newCommentId(), Route.TRIVIAL, "chatter", 0.9, false,
                false, "Fint väder");
        publishClassified(probe, marker);
        await().atMost(WAIT).until(() -> inTransaction(() ->
                se.kommun.moderation.cases.desk.persistence.DeskCommentEntity.findById(marker.commentKey()) != null));
        assertThat(commandsFor(key)).hasSize(1);
    }

    @Test
    void whenEvidenceNeverArrivesNothingIsRemoved() {
        EventEnvelope<CommentClassified> hate = classified(newCommentId(), Route.CRIMINAL, "hate_speech", 0.97, false,
                false, "Hets mot folkgrupp");
        EventEnvelope<CommentClassified> other = classified(newCommentId(), Route.CRIMINAL, "threat", 0.97, false,
                false, "Ett annat hot");
        publishClassified(probe, hate);
        publishClassified(probe, other);
        // The other comment's evidence arrives and its command goes out: the pipeline is demonstrably moving.
        await().atMost(WAIT).until(() -> removal(other.commentKey()) != null);
        publish(probe, Topics.EVIDENCE_CAPTURED, evidence(other.commentKey()));
        await().atMost(WAIT).until(() -> commandsFor(other.commentKey()).size() == 1);

        assertThat(removal(hate.commentKey()).state).isEqualTo(RemovalState.AWAITING_EVIDENCE);
        assertThat(commandsFor(hate.commentKey())).isEmpty();
        given().auth().preemptive().basic("moderator", "test-moderator-password").get("/queue").then()
                .statusCode(200).body(containsString(hate.commentKey()));
    }

    @Test
    void anUnsureConfidentialCommentWaitsForAModeratorAndThenStillForEvidence() {
        EventEnvelope<CommentClassified> health = classified(newCommentId(), Route.CONFIDENTIAL, "health", 0.6, true,
                true, "Min son har diabetes och får ingen hjälp");
        String key = health.commentKey();
        publishClassified(probe, health);
        publish(probe, Topics.EVIDENCE_CAPTURED, evidence(key));

        await().atMost(WAIT).until(() -> removal(key) != null);
        await().atMost(WAIT).until(() -> inTransaction(() ->
                se.kommun.moderation.cases.actions.persistence.EvidenceEntity.count("commentKey", key)) == 1);
        assertThat(removal(key).state).isEqualTo(RemovalState.AWAITING_CONFIRMATION);
        assertThat(commandsFor(key)).isEmpty();
        TaskEntity contact = task(key, TaskKind.CONTACT_SENDER);
        assertThat(contact.dueAt).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(task(key, TaskKind.ANSWER)).as("confidential content is never answered in public").isNull();

        given().auth().preemptive().basic("moderator", "test-moderator-password").contentType(ContentType.JSON)
                .body(Map.of("action", "DELETE", "reason", "hälsouppgift om ett barn"))
                .post("/queue/removals/{key}/confirm", key).then().statusCode(200);
        await().atMost(WAIT).until(() -> commandsFor(key).size() == 1);
        assertThat(commandsFor(key).get(0).payload().action()).isEqualTo(CommandAction.DELETE);
        assertThat(commandsFor(key).get(0).payload().issuedBy()).isEqualTo("moderator");

        await().atMost(WAIT).until(() -> recordsFor(probe, Topics.MODERATION_DECISIONS, key).stream()
                .map(r -> CODEC.decode(r.value(), ModerationDecided.class).payload())
                .anyMatch(d -> d.kind() == DecisionKind.CONFIRMED && d.decidedRoute() == Route.CONFIDENTIAL
                        && d.classifiedDetectors().contains("confidential.test")));
        // Confirming twice is refused with a reason.
        given().auth().preemptive().basic("moderator", "test-moderator-password").contentType(ContentType.JSON)
                .body(Map.of()).post("/queue/removals/{key}/confirm", key).then().statusCode(409)
                .body(containsString("COMMANDED"));
    }

    @Test
    void aRejectedRemovalIsAnOverrideAndAFailedOneReturnsToTheQueue() {
        EventEnvelope<CommentClassified> unsure = classified(newCommentId(), Route.CRIMINAL, "threat", 0.5, true, false,
                "Jag dör av skratt");
        publishClassified(probe, unsure);
        await().atMost(WAIT).until(() -> removal(unsure.commentKey()) != null);
        given().auth().preemptive().basic("moderator", "test-moderator-password").contentType(ContentType.JSON)
                .body(Map.of("route", "TRIVIAL", "subtype", "chatter", "reason", "idiom"))
                .post("/queue/removals/{key}/reject", unsure.commentKey()).then().statusCode(200);
        await().atMost(WAIT).until(() -> recordsFor(probe, Topics.MODERATION_DECISIONS, unsure.commentKey()).stream()
                .map(r -> CODEC.decode(r.value(), ModerationDecided.class).payload())
                .anyMatch(d -> d.kind() == DecisionKind.OVERRIDDEN && d.classifiedRoute() == Route.CRIMINAL
                        && d.decidedRoute() == Route.TRIVIAL));
        assertThat(removal(unsure.commentKey()).state).isEqualTo(RemovalState.REJECTED);

        EventEnvelope<CommentClassified> sure = classified(newCommentId(), Route.CRIMINAL, "threat", 0.99, false,
                false, "Hot");
        publishClassified(probe, sure);
        await().atMost(WAIT).until(() -> removal(sure.commentKey()) != null);
        publish(probe, Topics.EVIDENCE_CAPTURED, evidence(sure.commentKey()));
        await().atMost(WAIT).until(() -> commandsFor(sure.commentKey()).size() == 1);
        PlatformCommandIssued command = commandsFor(sure.commentKey()).get(0).payload();
        publish(probe, Topics.PLATFORM_RESULTS, EventEnvelope.wrap(UUID.randomUUID(), Instant.now(),
                sure.commentKey(), "ingest-service", new PlatformCommandCompleted(command.commandId(),
                        command.idempotencyKey(), CommandAction.HIDE, CommandOutcome.FAILED, 1, 400,
                        "(#100) Invalid parameter", null, Instant.now())));
        await().atMost(WAIT).until(() -> removal(sure.commentKey()).state == RemovalState.FAILED);
        assertThat(removal(sure.commentKey()).outcomeMessage).contains("HTTP 400").contains("Invalid parameter");

        // A moderator retries: a new command with a new idempotency key.
        given().auth().preemptive().basic("moderator", "test-moderator-password").contentType(ContentType.JSON)
                .body(Map.of("reason", "retry")).post("/queue/removals/{key}/confirm", sure.commentKey()).then()
                .statusCode(200);
        await().atMost(WAIT).until(() -> commandsFor(sure.commentKey()).size() == 2);
        assertThat(commandsFor(sure.commentKey()).get(1).payload().idempotencyKey()).endsWith(":#2");
    }

    @Test
    void aModeratorEscalatesAThreatTheClassifierMissedAndItIsRemovedOnlyAfterEvidence() {
        EventEnvelope<CommentClassified> missed = classified(newCommentId(), Route.TRIVIAL, "question", 0.7, false,
                true, "Vet du var dina barn är just nu?");
        String key = missed.commentKey();
        publishClassified(probe, missed);
        await().atMost(WAIT).until(() -> task(key, TaskKind.ANSWER) != null);

        given().auth().preemptive().basic("moderator", "test-moderator-password").contentType(ContentType.JSON)
                .body(Map.of("route", "CRIMINAL", "subtype", "threat", "reason", "förtäckt hot mot en tjänsteperson"))
                .post("/queue/comments/{key}/escalate", key).then().statusCode(200)
                .body(containsString("AWAITING_EVIDENCE"));

        await().atMost(WAIT).until(() -> recordsFor(probe, Topics.MODERATION_DECISIONS, key).stream()
                .map(r -> CODEC.decode(r.value(), ModerationDecided.class).payload())
                .anyMatch(d -> d.kind() == DecisionKind.OVERRIDDEN && d.classifiedRoute() == Route.TRIVIAL
                        && d.decidedRoute() == Route.CRIMINAL && d.classifiedDetectors().contains("trivial.test")));
        assertThat(task(key, TaskKind.POLICE_REPORT)).isNotNull();
        assertThat(task(key, TaskKind.ANSWER).status.isOpen()).as("a threat is not answered in public").isFalse();
        assertThat(inTransaction(() -> se.kommun.moderation.cases.diarium.persistence.CaseDocumentEntity
                .count("commentKey", key))).isEqualTo(1);
        assertThat(commandsFor(key)).as("no removal before evidence").isEmpty();

        publish(probe, Topics.EVIDENCE_CAPTURED, evidence(key));
        await().atMost(WAIT).until(() -> commandsFor(key).size() == 1);
        assertThat(commandsFor(key).get(0).payload().action()).isEqualTo(CommandAction.HIDE);
        assertThat(commandsFor(key).get(0).payload().issuedBy()).isEqualTo("moderator");

        given().auth().preemptive().basic("moderator", "test-moderator-password").contentType(ContentType.JSON)
                .body(Map.of("route", "CRIMINAL", "reason", "igen")).post("/queue/comments/{key}/escalate", key)
                .then().statusCode(409);
        given().auth().preemptive().basic("moderator", "test-moderator-password").contentType(ContentType.JSON)
                .body(Map.of("route", "TRIVIAL", "reason", "x")).post("/queue/comments/{key}/escalate", key)
                .then().statusCode(400).body(containsString("CRIMINAL or CONFIDENTIAL"));
    }

    @Test
    void aQuestionGetsAnAnswerTaskAndTheReplyGoesOutSigned() {
        EventEnvelope<CommentClassified> question = classified(newCommentId(), Route.TRIVIAL, "question", 0.9, false,
                true, "När öppnar badhuset?");
        String key = question.commentKey();
        publishClassified(probe, question);
        await().atMost(WAIT).until(() -> task(key, TaskKind.ANSWER) != null);
        TaskEntity answer = task(key, TaskKind.ANSWER);
        // Received Tuesday 24 November 2026 10:00 in Stockholm: due Wednesday 10:00.
        assertThat(answer.dueAt).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));

        given().auth().preemptive().basic("moderator", "test-moderator-password").contentType(ContentType.JSON)
                .body(Map.of("text", "Badhuset öppnar kl. 6.", "name", "Anna", "role", "kommunikatör"))
                .post("/tasks/{id}/reply", answer.id).then().statusCode(202);
        await().atMost(WAIT).until(() -> commandsFor(key).size() == 1);
        PlatformCommandIssued reply = commandsFor(key).get(0).payload();
        assertThat(reply.action()).isEqualTo(CommandAction.REPLY);
        assertThat(reply.replyText()).isEqualTo("Badhuset öppnar kl. 6.\n\n/Anna, kommunikatör, Örebro kommun");
        assertThat(reply.evidenceBundleId()).isNull();
        // A second reply while the first is on its way is refused.
        given().auth().preemptive().basic("moderator", "test-moderator-password").contentType(ContentType.JSON)
                .body(Map.of("text", "Igen")).post("/tasks/{id}/reply", answer.id).then().statusCode(409);

        publish(probe, Topics.PLATFORM_RESULTS, EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), key,
                "ingest-service", new PlatformCommandCompleted(reply.commandId(), reply.idempotencyKey(),
                        CommandAction.REPLY, CommandOutcome.SUCCEEDED, 1, 200, null, "r-1", Instant.now())));
        await().atMost(WAIT).until(() -> !task(key, TaskKind.ANSWER).status.isOpen());
    }

    @Test
    void aPoisonEvidenceEventGoesToTheDeadLetterTopic() {
        String key = "facebook:page-1:" + newCommentId();
        probe.send(Topics.EVIDENCE_CAPTURED, key, "{\"not\":\"an envelope\"}");
        await().atMost(WAIT).until(() -> !recordsFor(probe, Topics.deadLetterOf(Topics.EVIDENCE_CAPTURED), key)
                .isEmpty());
        ConsumerRecord<String, String> dead = recordsFor(probe, Topics.deadLetterOf(Topics.EVIDENCE_CAPTURED), key)
                .get(0);
        assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value())).isNotBlank();
        assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.FAILURE).value())).isEqualTo("poison");
        assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.ATTEMPTS).value())).isEqualTo("1");
        assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.ORIGINAL_TOPIC).value()))
                .isEqualTo(broker.topic(Topics.EVIDENCE_CAPTURED));
    }

    @Test
    void theQueueAndItsActionsRequireAModerator() {
        given().get("/queue").then().statusCode(401);
        given().auth().preemptive().basic("citizen", "test-citizen-password").get("/queue").then().statusCode(403);
        given().auth().preemptive().basic("registrar", "test-registrar-password").contentType(ContentType.JSON)
                .body(Map.of()).post("/queue/removals/x/confirm").then().statusCode(403);
        given().auth().preemptive().basic("moderator", "test-moderator-password").contentType(ContentType.JSON)
                .body(Map.of()).post("/queue/removals/{key}/confirm", "facebook:page-1:nope").then().statusCode(404)
                .body(containsString("no removal"));
        given().auth().preemptive().basic("moderator", "test-moderator-password").contentType(ContentType.JSON)
                .body(Map.of("route", "NONSENSE", "reason", "x")).post("/queue/removals/{key}/reject", "k").then()
                .statusCode(400).body(containsString("route must be one of"));
    }
}
