package se.kommun.moderation.cases.crisis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.kommun.moderation.cases.desk.DeskFixtures.classified;
import static se.kommun.moderation.cases.desk.DeskFixtures.newCommentId;
import static se.kommun.moderation.cases.desk.DeskFixtures.publishClassified;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TopicProbe;

/** Crisis mode: tagging by account and window, and the digest as JSON and CSV. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "case"))
class CrisisFlowTest {

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

    @Test
    void aCrisisTagsItsAccountsCommentsAndCompilesADigest() {
        String account = "krisen-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-24T09:00:00Z");
        // One comment arrives before the crisis is declared but inside its window: it is tagged on start.
        publishClassified(probe, classified(account, newCommentId(), Route.TRIVIAL, "question", 0.9, false, true,
                "När öppnar skolan igen?", at));
        await().atMost(WAIT).until(() -> !digest(startIfAbsent(account, at)).getList("latest").isEmpty());

        String crisis = startIfAbsent(account, at);
        publishClassified(probe, classified(account, newCommentId(), Route.TRIVIAL, "question", 0.9, false, true,
                "när öppnar  skolan IGEN??", at.plusSeconds(60)));
        publishClassified(probe, classified(account, newCommentId(), Route.TRIVIAL, "question", 0.9, false, true,
                "Är vattnet drickbart?", at.plusSeconds(90)));
        publishClassified(probe, classified(account, newCommentId(), Route.CONFIDENTIAL, "health", 0.95, false, true,
                "Min mamma är sjuk i lunginflammation, hjälp", at.plusSeconds(120)));
        publishClassified(probe, classified(account, newCommentId(), Route.COMPLAINT, "complaint", 0.9, false, true,
                "=HYPERLINK(\"http://evil\") dålig information!", at.plusSeconds(150)));
        // Another account and a comment from before the window are not part of it.
        publishClassified(probe, classified("other-" + UUID.randomUUID(), newCommentId(), Route.TRIVIAL, "question",
                0.9, false, true, "När öppnar skolan igen?", at.plusSeconds(60)));
        publishClassified(probe, classified(account, newCommentId(), Route.TRIVIAL, "question", 0.9, false, true,
                "När öppnar skolan igen?", at.minusSeconds(3600)));

        await().atMost(WAIT).until(() -> digest(crisis).getInt("total") == 5);
        JsonPath digest = digest(crisis);
        assertThat(digest.getMap("perRoute")).containsEntry("TRIVIAL", 3).containsEntry("CONFIDENTIAL", 1)
                .containsEntry("COMPLAINT", 1).containsEntry("CRIMINAL", 0);
        assertThat(digest.getList("frequentQuestions.count")).first().isEqualTo(2);
        assertThat(digest.getString("latest[0].text")).startsWith("=HYPERLINK");
        assertThat(digest.getList("latest.text")).contains("[sekretess: visas inte]")
                .noneMatch(t -> String.valueOf(t).contains("lunginflammation"));

        String csv = given().auth().preemptive().basic("moderator", "test-moderator-password")
                .get("/crises/{id}/digest.csv", crisis).then().statusCode(200)
                .contentType("text/csv; charset=UTF-8").extract().asString();
        assertThat(csv).contains("\"route\",\"CONFIDENTIAL\",\"1\"").contains("\"total\",\"comments\",\"5\"")
                .contains("\"question\",\"När öppnar skolan igen?\",\"2\"")
                .contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain("lunginflammation");

        given().auth().preemptive().basic("moderator", "test-moderator-password").post("/crises/{id}/stop", crisis)
                .then().statusCode(200);
        given().auth().preemptive().basic("moderator", "test-moderator-password").post("/crises/{id}/stop", crisis)
                .then().statusCode(409);
    }

    @Test
    void aCrisisNeedsANameAndWellFormedAccounts() {
        given().auth().preemptive().basic("moderator", "test-moderator-password").contentType(ContentType.JSON)
                .body(Map.of("name", "Storm", "accounts", List.of("no-platform"))).post("/crises").then()
                .statusCode(400);
        given().auth().preemptive().basic("moderator", "test-moderator-password").contentType(ContentType.JSON)
                .body(Map.of("accounts", List.of("facebook:x"))).post("/crises").then().statusCode(400);
        given().auth().preemptive().basic("citizen", "test-citizen-password").get("/crises").then().statusCode(403);
    }

    private String crisisId;

    private String startIfAbsent(String account, Instant startsAt) {
        if (crisisId == null) {
            crisisId = given().auth().preemptive().basic("moderator", "test-moderator-password")
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "Vattenläcka", "accounts", List.of("facebook:" + account), "startsAt",
                            startsAt.minusSeconds(60).toString()))
                    .post("/crises").then().statusCode(201).extract().path("id");
        }
        return crisisId;
    }

    private static JsonPath digest(String crisis) {
        return given().auth().preemptive().basic("moderator", "test-moderator-password")
                .get("/crises/{id}/digest", crisis).then().statusCode(200).extract().jsonPath();
    }
}
