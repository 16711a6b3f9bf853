package se.kommun.moderation.cases.intake.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.kommun.moderation.cases.desk.DeskFixtures.CODEC;
import static se.kommun.moderation.cases.desk.DeskFixtures.classified;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.DecisionKind;
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
 * Issue 18: the database goes away in the middle of a stream of 1,000 classified comments and comes
 * back. Every one reaches the desk exactly once; every complaint among them (one in ten: a
 * registration is the desk's dearest work, about 30 ms each on two busy cores) is registered once
 * with a gapless diary number and its legal hold leaves on moderation.decisions; the dead-letter
 * topic stays empty; readiness says DOWN while the consumer waits.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "isolated", value = "true"))
@WithTestResource(value = DatabaseOutageResource.class, initArgs = @ResourceArg(name = "purpose", value = "case_outage"))
class DatabaseOutageTest {

    private static final int EVENTS = 1_000;
    private static final int COMPLAINTS = EVENTS / 10;

    KafkaBroker broker;
    TestDatabase database;
    CuttableTcpProxy proxy;

    @Test
    void anOutageMidStreamLosesNothingAndDeadLettersNothing() throws Exception {
        String account = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        List<Map.Entry<String, String>> records = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            boolean complaint = i % (EVENTS / COMPLAINTS) == 0;
            EventEnvelope<CommentClassified> event = complaint
                    ? classified(account, "c-" + i, Route.COMPLAINT, "complaint", 0.9, false, true,
                            "Klagomål nummer " + i + " om snöröjningen", Instant.parse("2026-11-24T09:00:00Z"))
                    : classified(account, "c-" + i, Route.TRIVIAL, "gratitude", 0.95, false, false,
                            "Tack för nummer " + i + "!", Instant.parse("2026-11-24T09:00:00Z"));
            records.add(Map.entry(event.commentKey(), CODEC.encode(event)));
        }
        try (TopicProbe probe = new TopicProbe(broker)) {
            new OutageDrill(probe, proxy, DatabaseOutageTest::consumerOutages)
                    .run(Topics.COMMENTS_CLASSIFIED, records, EVENTS,
                    () -> database.count("SELECT count(*) FROM desk_comment"));

            try (Connection c = database.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT comment_key), min(seq), max(seq),"
                            + " count(DISTINCT seq) FROM register_case WHERE issued_here")) {
                rs.next();
                assertThat(rs.getInt(1)).as("one case per complaint").isEqualTo(COMPLAINTS);
                assertThat(rs.getInt(2)).isEqualTo(COMPLAINTS);
                assertThat(rs.getInt(3)).as("the series starts at 1").isEqualTo(1);
                assertThat(rs.getInt(4)).as("no gaps").isEqualTo(COMPLAINTS);
                assertThat(rs.getInt(5)).as("no number twice").isEqualTo(COMPLAINTS);
            }
            // Each registration's legal hold left through the outbox, once in effect (one event id each).
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> holds = probe.readAll(Topics.MODERATION_DECISIONS);
                assertThat(holds.stream().map(ConsumerRecord::key).filter(k -> k.contains(account)).distinct().count())
                        .isEqualTo(COMPLAINTS);
            });
            // Resent after an outage between the broker's ack and the outbox mark, a hold keeps its event id.
            List<EventEnvelope<ModerationDecided>> holds = probe.readAll(Topics.MODERATION_DECISIONS).stream()
                    .filter(r -> r.key().contains(account))
                    .map(r -> CODEC.decode(r.value(), ModerationDecided.class))
                    .filter(e -> e.payload().kind() == DecisionKind.LEGAL_HOLD_SET)
                    .toList();
            assertThat(holds.stream().map(EventEnvelope::eventId).collect(Collectors.toSet())).hasSize(COMPLAINTS);

        }
    }


    /** The status of the consumer-failure policy's readiness check. */
    private static String consumerOutages() {
        return given().get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == 'consumer-outages' }.status");
    }
}
