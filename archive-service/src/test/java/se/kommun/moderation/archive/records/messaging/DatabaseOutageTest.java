package se.kommun.moderation.archive.records.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.testkit.CuttableTcpProxy;
import se.kommun.moderation.testkit.DatabaseOutageResource;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.OutageDrill;
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

    private final EventCodec codec = EventCodec.instance();
    KafkaBroker broker;
    TestDatabase database;
    CuttableTcpProxy proxy;

    @Test
    void anOutageMidStreamLosesNothingAndDeadLettersNothing() throws Exception {
        String account = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        // Every addition first, then every edit: the edits arrive during the outage.
        List<Map.Entry<String, String>> versions = new ArrayList<>(2 * COMMENTS);
        for (int i = 0; i < COMMENTS; i++) {
            versions.add(keyed(BatchIntakeAndSearchTest.received(account, "c-" + i, "Hej " + i, Verb.ADDED)));
        }
        for (int i = 0; i < COMMENTS; i++) {
            versions.add(keyed(BatchIntakeAndSearchTest.received(account, "c-" + i, "Hej igen " + i, Verb.EDITED)));
        }
        try (TopicProbe probe = new TopicProbe(broker)) {
            new OutageDrill(probe, proxy, DatabaseOutageTest::consumerOutages)
                    .run(Topics.COMMENTS_RECEIVED, versions, 2 * COMMENTS,
                    () -> database.count("SELECT count(*) FROM record_version"));

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
        }
    }

    private Map.Entry<String, String> keyed(EventEnvelope<CommentReceived> event) {
        return Map.entry(event.commentKey(), codec.encode(event));
    }


    /** The status of the consumer-failure policy's readiness check. */
    private static String consumerOutages() {
        return given().get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == 'consumer-outages' }.status");
    }
}
