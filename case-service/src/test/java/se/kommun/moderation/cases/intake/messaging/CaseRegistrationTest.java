package se.kommun.moderation.cases.intake.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.cases.diarium.domain.Registration;
import se.kommun.moderation.cases.diarium.persistence.CaseEntity;
import se.kommun.moderation.cases.intake.domain.DeskIntake;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.ClassifiedComment;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TestDatabase;
import se.kommun.moderation.testkit.TopicProbe;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "case"))
class CaseRegistrationTest {

    private final EventCodec codec = EventCodec.instance();
    KafkaBroker broker;
    TestDatabase database;
    private TopicProbe probe;

    @Inject
    DeskIntake intake;

    @BeforeEach
    void openProbe() {
        probe = new TopicProbe(broker);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    static EventEnvelope<CommentClassified> classified(String commentId, Route route, String text) {
        ClassifiedComment comment = new ClassifiedComment(Platform.FACEBOOK, "page-1", commentId,
                new Author("u-1", "Kalle Karlsson"), text, "https://facebook.test/" + commentId,
                Instant.parse("2026-11-29T09:00:00Z"), Verb.ADDED);
        CommentClassified payload = new CommentClassified(UUID.randomUUID(), route, route.name().toLowerCase(),
                List.of(route), 0.9, route != Route.CRIMINAL, false, List.of(), "test", comment);
        return EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), "facebook:page-1:" + commentId,
                "classification-service", payload);
    }

    private void publish(EventEnvelope<CommentClassified> event) {
        probe.send(Topics.COMMENTS_CLASSIFIED, event.commentKey(), codec.encode(event));
    }

    private static Optional<CaseEntity> caseFor(String commentKey) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> CaseEntity.<CaseEntity>find("commentKey", commentKey).firstResultOptional());
    }

    @Test
    void registersWhatTheRouteRequiresAndNothingElse() {
        EventEnvelope<CommentClassified> complaint = classified("c-" + UUID.randomUUID(), Route.COMPLAINT,
                "Jag vill klaga på sophämtningen");
        EventEnvelope<CommentClassified> secret = classified("c-" + UUID.randomUUID(), Route.CONFIDENTIAL,
                "Min dotter har pnr 20200314-5626");
        EventEnvelope<CommentClassified> trivial = classified("c-" + UUID.randomUUID(), Route.TRIVIAL, "Tack!");
        publish(trivial);
        publish(complaint);
        publish(secret);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(caseFor(complaint.commentKey())).hasValueSatisfying(c -> {
                assertThat(c.diaryNumber).matches("KS \\d{4}/\\d+");
                assertThat(c.route).isEqualTo("COMPLAINT");
                assertThat(c.sender).isEqualTo("Kalle Karlsson");
                assertThat(c.description).contains("klaga på sophämtningen");
                assertThat(c.secret).isFalse();
            });
            assertThat(caseFor(secret.commentKey())).hasValueSatisfying(c -> assertThat(c.secret).isTrue());
        });
        // The trivial one came first on the same partition, so it has been handled by now.
        assertThat(caseFor(trivial.commentKey())).isEmpty();
    }

    @Test
    void aRedeliveredClassificationRegistersOnce() {
        EventEnvelope<CommentClassified> event = classified("c-" + UUID.randomUUID(), Route.COMPLAINT, "Klagomål");
        publish(event);
        publish(event);
        EventEnvelope<CommentClassified> marker = classified("c-" + UUID.randomUUID(), Route.COMPLAINT, "Klagomål 2");
        publish(marker);

        await().atMost(Duration.ofSeconds(20)).until(() -> caseFor(marker.commentKey()).isPresent());
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> CaseEntity.count("commentKey", event.commentKey()))).isEqualTo(1);
    }

    @Test
    void concurrentRegistrationsGetGaplessDistinctNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Optional<Registration>>> jobs = new ArrayList<>();
        String sameComment = "c-" + UUID.randomUUID();
        for (int i = 0; i < 32; i++) {
            // Four of them race on one comment: exactly one of those may win.
            String id = i % 8 == 0 ? sameComment : "c-" + UUID.randomUUID();
            jobs.add(() -> intake.onClassified(classified(id, Route.COMPLAINT, "Parallellt")));
        }
        List<Optional<Registration>> results = new ArrayList<>();
        for (Future<Optional<Registration>> f : pool.invokeAll(jobs)) {
            results.add(f.get());
        }
        pool.shutdown();

        assertThat(results.stream().filter(Optional::isPresent).count()).isEqualTo(29);
        try (Connection c = database.connect();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT count(*), count(DISTINCT seq), min(seq), max(seq) FROM register_case WHERE issued_here GROUP BY registry, year")) {
            while (rs.next()) {
                assertThat(rs.getLong(2)).as("no duplicate numbers").isEqualTo(rs.getLong(1));
                assertThat(rs.getLong(3)).as("the series starts at 1").isEqualTo(1);
                assertThat(rs.getLong(4)).as("no gaps").isEqualTo(rs.getLong(1));
            }
        }
    }

    @Test
    void theRegisterRequiresARole() {
        given().get("/cases").then().statusCode(401);
        given().auth().preemptive().basic("citizen", "test-citizen-password").get("/cases").then().statusCode(403);
        given().auth().preemptive().basic("moderator", "test-moderator-password").get("/cases").then().statusCode(200);
        given().auth().preemptive().basic("moderator", "test-moderator-password").get("/cases?size=0")
                .then().statusCode(400);
        given().auth().preemptive().basic("moderator", "test-moderator-password").get("/cases/" + UUID.randomUUID())
                .then().statusCode(404);
    }
}
