package se.kommun.moderation.ingest.commands.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.PlatformCommandIssued;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.ingest.commands.support.Commands;
import se.kommun.moderation.testkit.CuttableTcpProxy;
import se.kommun.moderation.testkit.DatabaseOutageResource;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.OutageDrill;
import se.kommun.moderation.testkit.TestDatabase;
import se.kommun.moderation.testkit.TopicProbe;

/**
 * Issue 18: the ingest database goes away in the middle of 1,000 platform commands and comes back.
 * Every command is stored exactly once (one row per idempotency key), the dead-letter topic stays
 * empty, and readiness says DOWN while the consumer waits. The executor is off here: what is tested
 * is that the consumer takes every command in, not the platforms' calls (PlatformCommandsQuarkusTest).
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "isolated", value = "true"))
@WithTestResource(value = DatabaseOutageResource.class, initArgs = {
        @ResourceArg(name = "purpose", value = "ingest_outage"),
        @ResourceArg(name = "config.ingest.commands.enabled", value = "false")})
class DatabaseOutageTest {

    private static final int EVENTS = 1_000;

    private final EventCodec codec = EventCodec.instance();
    KafkaBroker broker;
    TestDatabase database;
    CuttableTcpProxy proxy;

    @Test
    void anOutageMidStreamLosesNothingAndDeadLettersNothing() throws Exception {
        String page = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        List<Map.Entry<String, String>> commands = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            PlatformCommandIssued command = i % 2 == 0 ? Commands.hide(Platform.FACEBOOK, page, "c-" + i)
                    : Commands.reply(Platform.FACEBOOK, page, "c-" + i, "Tack för ditt meddelande nummer " + i + "!");
            EventEnvelope<PlatformCommandIssued> envelope = Commands.envelope(command);
            commands.add(Map.entry(envelope.commentKey(), codec.encode(envelope)));
        }
        try (TopicProbe probe = new TopicProbe(broker)) {
            new OutageDrill(probe, proxy, DatabaseOutageTest::consumerOutages)
                    .run(Topics.PLATFORM_COMMANDS, commands, EVENTS,
                    () -> database.count("SELECT count(*) FROM platform_command"));

            try (Connection c = database.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT idempotency_key), count(DISTINCT command_id),"
                            + " count(*) FILTER (WHERE action = 'REPLY' AND reply_text IS NOT NULL),"
                            + " count(*) FILTER (WHERE state = 'PENDING') FROM platform_command")) {
                rs.next();
                assertThat(rs.getInt(1)).as("every command stored once").isEqualTo(EVENTS);
                assertThat(rs.getInt(2)).isEqualTo(EVENTS);
                assertThat(rs.getInt(3)).isEqualTo(EVENTS);
                assertThat(rs.getInt(4)).as("replies keep their text").isEqualTo(EVENTS / 2);
                assertThat(rs.getInt(5)).as("waiting for the executor").isEqualTo(EVENTS);
            }
        }
    }


    /** The status of the consumer-failure policy's readiness check. */
    private static String consumerOutages() {
        return given().get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == 'consumer-outages' }.status");
    }
}
