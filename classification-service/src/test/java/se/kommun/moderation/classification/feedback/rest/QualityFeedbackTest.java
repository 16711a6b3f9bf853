package se.kommun.moderation.classification.feedback.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.ModerationDecided;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.messaging.deadletter.DeadLetterHeaders;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TestDatabase;
import se.kommun.moderation.testkit.TopicProbe;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "classification"))
class QualityFeedbackTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private final EventCodec codec = EventCodec.instance();
    KafkaBroker broker;
    TestDatabase database;
    private TopicProbe probe;
    // Each test its own rule set version, so that their decisions do not mix in the report.
    private final String ruleSet = "rs-test-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void openProbe() {
        probe = new TopicProbe(broker);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    private String decide(String commentKey, DecisionKind kind, UUID classification, Route classified, Route decided,
            List<String> detectors, Instant at) {
        ModerationDecided decision = new ModerationDecided(UUID.randomUUID(), kind, classification, classified, null,
                detectors, ruleSet, decided, null, null, null, "moderator-1", at);
        EventEnvelope<ModerationDecided> event = EventEnvelope.wrap(UUID.randomUUID(), at, commentKey, "case-service",
                decision);
        String json = codec.encode(event);
        probe.send(Topics.MODERATION_DECISIONS, commentKey, json);
        return json;
    }

    private JsonPath quality(String user, String password) {
        return given().auth().preemptive().basic(user, password).queryParam("ruleSetVersion", ruleSet)
                .when().get("/quality").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void confirmationsAndOverridesBecomeAgreementPerDetectorOnceEachWithTheLatestDecisionCounting() throws Exception {
        String a = "web:site:a-" + UUID.randomUUID();
        String b = "web:site:b-" + UUID.randomUUID();
        String c = "web:site:c-" + UUID.randomUUID();
        UUID classificationA = UUID.randomUUID();
        UUID classificationB = UUID.randomUUID();
        String confirmedA = decide(a, DecisionKind.CONFIRMED, classificationA, Route.CRIMINAL, Route.CRIMINAL,
                List.of("ThreatDetector"), T0);
        probe.send(Topics.MODERATION_DECISIONS, a, confirmedA); // a replay changes nothing
        decide(b, DecisionKind.CONFIRMED, classificationB, Route.CRIMINAL, Route.CRIMINAL,
                List.of("ThreatDetector", "ComplaintDetector"), T0);
        // B reconsidered later: the override supersedes the confirmation
        decide(b, DecisionKind.OVERRIDDEN, classificationB, Route.CRIMINAL, Route.COMPLAINT,
                List.of("ThreatDetector", "ComplaintDetector"), T0.plusSeconds(600));
        decide(c, DecisionKind.OVERRIDDEN, UUID.randomUUID(), Route.TRIVIAL, Route.CONFIDENTIAL,
                List.of("GratitudeDetector"), T0);
        decide(c, DecisionKind.LEGAL_HOLD_SET, null, null, null, List.of(), T0); // not feedback

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath report = quality("moderator", "test-moderator-password");
            assertThat(report.getLong("overall.decisions")).isEqualTo(3);
            assertThat(report.getLong("overall.confirmations")).isEqualTo(1);
            assertThat(report.getLong("overall.overrides")).isEqualTo(2);
        });

        JsonPath report = quality("admin", "test-admin-password");
        assertThat(report.getString("ruleSetVersion")).isEqualTo(ruleSet);
        assertThat(report.getDouble("overall.agreementRate")).isCloseTo(1.0 / 3, offset(1e-6));
        assertThat(report.getList("detectors.detector"))
                .containsExactly("ComplaintDetector", "GratitudeDetector", "ThreatDetector");
        Map<String, Object> threat = report.getMap("detectors.find { it.detector == 'ThreatDetector' }");
        assertThat(threat).containsEntry("decisions", 2).containsEntry("confirmations", 1).containsEntry("overrides", 1)
                .containsEntry("agreementRate", 0.5f);
        assertThat(report.getMap("detectors.find { it.detector == 'ThreatDetector' }.routes[0].decidedAs"))
                .isEqualTo(Map.of("CRIMINAL", 1, "COMPLAINT", 1));
        assertThat(report.getMap("detectors.find { it.detector == 'GratitudeDetector' }.routes[0]"))
                .containsEntry("classifiedRoute", "TRIVIAL").containsEntry("decisions", 1)
                .containsEntry("confirmations", 0).containsEntry("decidedAs", Map.of("CONFIDENTIAL", 1));
        assertThat(report.getMap("routes.find { it.classifiedRoute == 'CRIMINAL' }.decidedAs"))
                .isEqualTo(Map.of("CRIMINAL", 1, "COMPLAINT", 1));
        assertThat(report.getList("ruleSetVersions.ruleSetVersion")).contains(ruleSet);

        // Kept once per event: A once despite the replay, both decisions about B, C's override; no hold.
        try (Connection connection = database.connect();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM feedback_decision WHERE rule_set_version = ?")) {
            count.setString(1, ruleSet);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(4);
            }
        }
    }

    @Test
    void anUnreadableDecisionGoesToTheDeadLetterTopicWithItsReasonAndTheNextIsKept() {
        String key = "web:site:poison-" + UUID.randomUUID();
        probe.send(Topics.MODERATION_DECISIONS, key, "{\"type\":\"ModerationDecided\",\"eventId\":42");
        decide("web:site:d-" + UUID.randomUUID(), DecisionKind.CONFIRMED, UUID.randomUUID(), Route.COMPLAINT,
                Route.COMPLAINT, List.of("NewCaseDetector"), T0);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = probe.readAll(Topics.deadLetterOf(Topics.MODERATION_DECISIONS))
                    .stream().filter(r -> key.equals(r.key())).toList();
            // Delivery is at least once: a rebalance before the commit can dead-letter this (uniquely
            // keyed) record twice; what matters is that it is there, with its reason.
            assertThat(dead).isNotEmpty().allSatisfy(record -> {
                Header reason = record.headers().lastHeader(DeadLetterHeaders.REASON);
                assertThat(reason).isNotNull();
                assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("not valid JSON");
            });
            assertThat(quality("moderator", "test-moderator-password").getLong("overall.decisions")).isEqualTo(1);
        });
    }

    @Test
    void onlyModeratorsAndAdminsSeeTheQualityReport() {
        given().when().get("/quality").then().statusCode(401);
        given().auth().preemptive().basic("registrar", "test-registrar-password").when().get("/quality")
                .then().statusCode(403);
        given().auth().preemptive().basic("moderator", "wrong").when().get("/quality").then().statusCode(401);
        given().auth().preemptive().basic("moderator", "test-moderator-password").when().get("/quality")
                .then().statusCode(200);
    }
}
