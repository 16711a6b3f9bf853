package se.kommun.moderation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.ClassifiedComment;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.ModerationDecided;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.TestDatabase;
import se.kommun.moderation.testkit.TopicProbe;

/**
 * The transactional outbox across a crash: the case-service commits a registration (and, in the
 * same transaction, the event announcing it), is killed with SIGKILL before it sends, and the event
 * is on the topic after a restart.
 */
class OutboxCrashIT {

    private static final EventCodec CODEC = EventCodec.instance();
    private static KafkaBroker broker;
    private static TestDatabase database;
    private static ServiceProcess running;

    @BeforeAll
    static void prepare() throws Exception {
        broker = KafkaBroker.forThisRun();
        E2eKafka.createTopics(broker);
        database = TestDatabase.create("e2e_outbox_crash");
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static ServiceProcess start(String instance, boolean relay) throws Exception {
        Map<String, String> config = new HashMap<>(broker.serviceConfig());
        config.putAll(database.quarkusConfig());
        // Stands in for a crash at the worst moment: the transaction commits, the send never happens.
        config.put("case.outbox.relay-enabled", Boolean.toString(relay));
        config.putAll(E2eKafka.ownCaseServiceGroups(broker, instance));
        ServiceProcess process = ServiceProcess.start(Path.of(System.getProperty("repo.root", "..")), "case-service",
                instance, E2eKafka.freePort(), config);
        process.awaitReady(Duration.ofSeconds(120));
        return process;
    }

    @Test
    void anEventCommittedBeforeACrashIsDeliveredAfterTheRestart() throws Exception {
        String commentId = "c-" + UUID.randomUUID();
        String key = "facebook:page-1:" + commentId;
        running = start("case-service-crashing", false);

        ClassifiedComment comment = new ClassifiedComment(Platform.FACEBOOK, "page-1", commentId,
                new Author("u-1", "Kalle"), "Klagomål på vägarna", "https://facebook.test/" + commentId,
                Instant.now(), Verb.ADDED);
        CommentClassified classified = new CommentClassified(UUID.randomUUID(), Route.COMPLAINT, "complaint",
                List.of(Route.COMPLAINT), 0.9, true, false,
                List.of(new Reason("complaint.test", Route.COMPLAINT, "complaint", 0, 9, 0.9)), "rules-test", comment);
        try (TopicProbe probe = new TopicProbe(broker)) {
            probe.send(Topics.COMMENTS_CLASSIFIED, key,
                    CODEC.encode(EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), key, "e2e", classified)));

            await().atMost(Duration.ofSeconds(60)).until(() -> unsent(key) == 1);
            running.kill();
            assertThat(onTopic(probe, key)).as("nothing was sent before the crash").isEmpty();

            running = start("case-service-restarted", true);
            await().atMost(Duration.ofSeconds(60)).until(() -> !onTopic(probe, key).isEmpty());
            List<ModerationDecided> delivered = onTopic(probe, key);
            assertThat(delivered).hasSize(1);
            assertThat(delivered.get(0).kind()).isEqualTo(DecisionKind.LEGAL_HOLD_SET);
            assertThat(delivered.get(0).reference()).matches("KS \\d{4}/1");
            await().atMost(Duration.ofSeconds(30)).until(() -> unsent(key) == 0);
            System.out.println("[e2e] outbox: committed before SIGKILL, delivered once after restart");
        }
    }

    private static List<ModerationDecided> onTopic(TopicProbe probe, String key) {
        return probe.readAll(Topics.MODERATION_DECISIONS).stream().filter(r -> key.equals(r.key()))
                .map(r -> CODEC.decode(r.value(), ModerationDecided.class).payload()).toList();
    }

    private static long unsent(String key) throws Exception {
        try (Connection c = database.connect();
                PreparedStatement query = c.prepareStatement(
                        "SELECT count(*) FROM outbox WHERE published_at IS NULL AND message_key = ?")) {
            query.setString(1, key);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
