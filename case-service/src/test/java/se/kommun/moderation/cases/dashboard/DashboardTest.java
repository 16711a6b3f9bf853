package se.kommun.moderation.cases.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static se.kommun.moderation.cases.desk.DeskFixtures.inTransaction;
import static se.kommun.moderation.cases.desk.DeskFixtures.newCommentId;
import static se.kommun.moderation.cases.desk.DeskFixtures.publishClassified;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.cases.actions.domain.RemovalState;
import se.kommun.moderation.cases.actions.persistence.RemovalEntity;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.ClassifiedComment;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TopicProbe;

/** The dashboard will be attacked through what citizens write: everything is escaped, nothing runs. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "case"))
class DashboardTest {

    private static final String SCRIPT = "<script>alert('xss')</script>";
    private static final String IMG = "\"><img src=x onerror=alert(1)>";

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

    private EventEnvelope<CommentClassified> hostile(Route route, double confidence, boolean review,
            boolean needsResponse, String permalink) {
        String id = newCommentId();
        String text = "Hej " + SCRIPT + " och " + IMG + " {inject:csrf} {#for}";
        ClassifiedComment comment = new ClassifiedComment(Platform.FACEBOOK, "page-1", id,
                new Author("u-6", "<b onmouseover=alert(2)>Mallory</b>"), text, permalink,
                Instant.parse("2026-11-24T09:00:00Z"), Verb.ADDED);
        CommentClassified payload = new CommentClassified(UUID.randomUUID(), route, "threat", List.of(route),
                confidence, needsResponse, review, List.of(new Reason("threat.<i>x</i>", route, "threat", 0, 3,
                        confidence)), "rules-test", comment);
        return EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), "facebook:page-1:" + id, "classification-service",
                payload);
    }

    @Test
    void everythingACitizenWroteIsEscapedAndNoScriptMayRun() {
        EventEnvelope<CommentClassified> attack = hostile(Route.CRIMINAL, 0.5, true, false, "javascript:alert(3)");
        EventEnvelope<CommentClassified> question = hostile(Route.TRIVIAL, 0.9, false, true,
                "https://facebook.test/p?a=1&b=\"2\"");
        publishClassified(probe, attack);
        publishClassified(probe, question);
        await().atMost(Duration.ofSeconds(30)).until(() -> inTransaction(() ->
                RemovalEntity.findById(attack.commentKey()) != null));

        Response page = given().auth().preemptive().basic("moderator", "test-moderator-password").get("/dashboard");
        page.then().statusCode(200).contentType(containsString("text/html"));
        String html = page.asString();
        assertThat(html).doesNotContain(SCRIPT).doesNotContain("<img").doesNotContain("<b onmouseover")
                .doesNotContain("<i>x</i>").doesNotContain("javascript:")
                .contains("&lt;script&gt;").contains("&lt;b onmouseover=alert(2)&gt;Mallory&lt;/b&gt;")
                .contains("{inject:csrf}")
                // the web link stays a link, its quotes escaped inside the attribute
                .contains("href=\"https://facebook.test/p?a=1&amp;b=&quot;2&quot;\"")
                // a public question can be answered, or escalated if it hides a threat
                .contains("action=\"/dashboard/tasks/reply\"").contains("action=\"/dashboard/comments/escalate\"");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aModeratorConfirmsFromThePageAndAnotherSiteCannotPostForThem() {
        EventEnvelope<CommentClassified> unsure = hostile(Route.CRIMINAL, 0.5, true, false, null);
        publishClassified(probe, unsure);
        await().atMost(Duration.ofSeconds(30)).until(() -> inTransaction(() ->
                RemovalEntity.findById(unsure.commentKey()) != null));

        given().auth().preemptive().basic("moderator", "test-moderator-password")
                .header("Origin", "https://evil.example").formParam("commentKey", unsure.commentKey())
                .formParam("action", "DELETE").post("/dashboard/removals/confirm").then().statusCode(403);
        assertThat(inTransaction(() -> ((RemovalEntity) RemovalEntity.findById(unsure.commentKey())).state))
                .isEqualTo(RemovalState.AWAITING_CONFIRMATION);

        given().auth().preemptive().basic("moderator", "test-moderator-password").redirects().follow(false)
                .formParam("commentKey", unsure.commentKey()).formParam("action", "DELETE")
                .formParam("reason", "hot").post("/dashboard/removals/confirm").then().statusCode(303)
                .header("Location", containsString("notice="));
        assertThat(inTransaction(() -> ((RemovalEntity) RemovalEntity.findById(unsure.commentKey())).state))
                .isEqualTo(RemovalState.AWAITING_EVIDENCE);

        // A refusal is answered with the page itself, its reason escaped like everything else.
        given().auth().preemptive().basic("moderator", "test-moderator-password").redirects()
                .follow(false).formParam("commentKey", "<script>nope</script>").post("/dashboard/removals/confirm")
                .then().statusCode(409).header("Location", nullValue())
                .body(containsString("Inte utfört")).body(containsString("&lt;script&gt;nope"));
    }

    @Test
    void aLinkCannotPutItsOwnWordsOnTheDashboard() {
        String page = given().auth().preemptive().basic("moderator", "test-moderator-password")
                .queryParam("notice", "Systemfel: ring IT-support på 0701234567 och uppge ditt lösenord")
                .get("/dashboard").then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("0701234567").doesNotContain("lösenord").doesNotContain("class=\"notice\"");
        given().auth().preemptive().basic("moderator", "test-moderator-password").queryParam("notice", "replied")
                .get("/dashboard").then().statusCode(200).body(containsString("Svaret är skickat."));
    }

    @Test
    void theDashboardRequiresAModerator() {
        given().get("/dashboard").then().statusCode(401);
        given().auth().preemptive().basic("citizen", "test-citizen-password").get("/dashboard").then().statusCode(403);
        given().auth().preemptive().basic("registrar", "test-registrar-password").get("/dashboard").then()
                .statusCode(403);
    }
}
