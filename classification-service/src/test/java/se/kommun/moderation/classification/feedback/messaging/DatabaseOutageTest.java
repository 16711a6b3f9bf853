package se.kommun.moderation.classification.feedback.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.ModerationDecided;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.testkit.CuttableTcpProxy;
import se.kommun.moderation.testkit.DatabaseOutageResource;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.OutageDrill;
import se.kommun.moderation.testkit.TestDatabase;
import se.kommun.moderation.testkit.TopicProbe;

/**
 * Issue 18: the feedback database goes away in the middle of 1,000 moderator decisions and comes
 * back. Every decision is kept exactly once, the dead-letter topic stays empty, and readiness says
 * DOWN while the consumer waits. (The consumer used to retry six times with Thread.sleep and then
 * dead-letter the decision.)
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "isolated", value = "true"))
@WithTestResource(value = DatabaseOutageResource.class,
        initArgs = @ResourceArg(name = "purpose", value = "classification_outage"))
class DatabaseOutageTest {

    private static final int EVENTS = 1_000;
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final EventCodec codec = EventCodec.instance();
    KafkaBroker broker;
    TestDatabase database;
    CuttableTcpProxy proxy;

    @Test
    void anOutageMidStreamLosesNothingAndDeadLettersNothing() throws Exception {
        List<Map.Entry<String, String>> decisions = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            boolean confirmed = i % 3 != 0;
            ModerationDecided decision = new ModerationDecided(UUID.randomUUID(),
                    confirmed ? DecisionKind.CONFIRMED : DecisionKind.OVERRIDDEN, UUID.randomUUID(), Route.COMPLAINT,
                    null, List.of("NewCaseDetector"), "rules-outage", confirmed ? Route.COMPLAINT : Route.TRIVIAL, null,
                    null, null, "moderator-1", T0.plusSeconds(i));
            String key = "web:site:d-" + i;
            decisions.add(Map.entry(key, codec.encode(EventEnvelope.wrap(UUID.randomUUID(), T0.plusSeconds(i), key,
                    "case-service", decision))));
        }
        try (TopicProbe probe = new TopicProbe(broker)) {
            new OutageDrill(probe, proxy, DatabaseOutageTest::consumerOutages)
                    .run(Topics.MODERATION_DECISIONS, decisions, EVENTS,
                    () -> database.count("SELECT count(*) FROM feedback_decision"));

            try (Connection c = database.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT event_id), count(DISTINCT comment_key),"
                            + " count(*) FILTER (WHERE kind = 'OVERRIDDEN') FROM feedback_decision")) {
                rs.next();
                assertThat(rs.getInt(1)).as("every decision kept once").isEqualTo(EVENTS);
                assertThat(rs.getInt(2)).isEqualTo(EVENTS);
                assertThat(rs.getInt(3)).isEqualTo(EVENTS);
                assertThat(rs.getInt(4)).isEqualTo((EVENTS + 2) / 3);
            }
        }
    }


    /** The status of the consumer-failure policy's readiness check. */
    private static String consumerOutages() {
        return given().get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == 'consumer-outages' }.status");
    }
}
