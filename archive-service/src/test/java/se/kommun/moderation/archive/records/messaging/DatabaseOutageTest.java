package se.kommun.moderation.archive.records.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.testkit.CuttableTcpProxy;
import se.kommun.moderation.testkit.DatabaseOutageResource;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.TestDatabase;
import se.kommun.moderation.testkit.TopicProbe;

/**
 * Issue 18: the archive's database goes away in the middle of 1,000 received versions (500
 * comments, then an edit of each) and comes back. Every version is kept exactly once with the
 * right version number, the hash chain is intact, the dead-letter topic stays empty, and
 * readiness says DOWN while the intake waits.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "isolated", value = "true"))
@WithTestResource(value = DatabaseOutageResource.class, initArgs = @ResourceArg(name = "purpose", value = "archive_outage"))
class DatabaseOutageTest {

    private static final int COMMENTS = 500;
    private static final long THIRTY_DAYS_MS = Duration.ofDays(30).toMillis();

    private final EventCodec codec = EventCodec.instance();
    KafkaBroker broker;
    TestDatabase database;
    CuttableTcpProxy proxy;

    @Test
    void anOutageMidStreamLosesNothingAndDeadLettersNothing() throws Exception {
        String account = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        List<Map.Entry<String, String>> added = new ArrayList<>(COMMENTS);
        List<Map.Entry<String, String>> edited = new ArrayList<>(COMMENTS);
        for (int i = 0; i < COMMENTS; i++) {
            added.add(keyed(BatchIntakeAndSearchTest.received(account, "c-" + i, "Hej " + i, Verb.ADDED)));
            edited.add(keyed(BatchIntakeAndSearchTest.received(account, "c-" + i, "Hej igen " + i, Verb.EDITED)));
        }
        try (TopicProbe probe = new TopicProbe(broker)) {
            probe.sendKeyed(Topics.COMMENTS_RECEIVED, added);
            await().atMost(Duration.ofSeconds(60)).until(() -> kept() >= 100);

            proxy.cut();
            probe.sendKeyed(Topics.COMMENTS_RECEIVED, edited);
            await().atMost(Duration.ofSeconds(20)).until(() -> "DOWN".equals(consumerOutages()));
            assertThat(kept()).as("the outage came mid-stream").isLessThan(2 * COMMENTS);

            proxy.restore();
            await().atMost(Duration.ofSeconds(60)).until(() -> kept() == 2 * COMMENTS);
            await().atMost(Duration.ofSeconds(10)).until(() -> "UP".equals(consumerOutages()));

            try (Connection c = database.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT event_id), count(DISTINCT comment_key),"
                            + " count(*) FILTER (WHERE version = 1 AND verb = 'ADDED'),"
                            + " count(*) FILTER (WHERE version = 2 AND verb = 'EDITED') FROM record_version")) {
                rs.next();
                assertThat(rs.getInt(1)).as("every version kept once").isEqualTo(2 * COMMENTS);
                assertThat(rs.getInt(2)).isEqualTo(2 * COMMENTS);
                assertThat(rs.getInt(3)).isEqualTo(COMMENTS);
                assertThat(rs.getInt(4)).as("each comment's first version is its addition").isEqualTo(COMMENTS);
                assertThat(rs.getInt(5)).as("and its second the edit").isEqualTo(COMMENTS);
            }
            given().auth().preemptive().basic("archivist", "test-archivist-password").get("/integrity")
                    .then().statusCode(200).body("intact", equalTo(true));

            assertThat(probe.readAll(Topics.deadLetterOf(Topics.COMMENTS_RECEIVED))).isEmpty();
            assertThat(probe.retentionMs(Topics.deadLetterOf(Topics.COMMENTS_RECEIVED))).isEqualTo(THIRTY_DAYS_MS);
        }
        assertThat(proxy.acceptedConnections()).as("the service reached its database through the proxy").isPositive();
    }

    private Map.Entry<String, String> keyed(EventEnvelope<CommentReceived> event) {
        return Map.entry(event.commentKey(), codec.encode(event));
    }

    /** Versions kept (read straight from the database, not through the proxy). */
    private int kept() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM record_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The status of the consumer-failure policy's readiness check. */
    private static String consumerOutages() {
        return given().get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == 'consumer-outages' }.status");
    }
}
