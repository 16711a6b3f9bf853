package se.kommun.moderation.cases.quality;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static se.kommun.moderation.cases.desk.DeskFixtures.publish;
import static se.kommun.moderation.cases.desk.DeskFixtures.publishClassified;
import static se.kommun.moderation.cases.quality.LabelFixtures.WAIT;
import static se.kommun.moderation.cases.quality.LabelFixtures.admin;
import static se.kommun.moderation.cases.quality.LabelFixtures.awaitOnDesk;
import static se.kommun.moderation.cases.quality.LabelFixtures.confirm;
import static se.kommun.moderation.cases.quality.LabelFixtures.decide;
import static se.kommun.moderation.cases.quality.LabelFixtures.exported;
import static se.kommun.moderation.cases.quality.LabelFixtures.ids;
import static se.kommun.moderation.cases.quality.LabelFixtures.label;
import static se.kommun.moderation.cases.quality.LabelFixtures.lineOf;
import static se.kommun.moderation.cases.quality.LabelFixtures.moderator;
import static se.kommun.moderation.cases.quality.LabelFixtures.nextLink;
import static se.kommun.moderation.cases.quality.LabelFixtures.parse;
import static se.kommun.moderation.cases.quality.LabelFixtures.underReview;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.quality.domain.ModeratorLabels;
import se.kommun.moderation.events.ClassifiedComment;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.RecordCulled;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TopicProbe;

/**
 * GET /quality/export: the moderators' decisions as lines of the training corpus, for an admin
 * only, without anyone's name, filtered by time and by disagreement, 500 a page, and never a line
 * whose record was culled or whose comment was edited after the decision.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "case"))
class QualityExportTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    KafkaBroker broker;
    private TopicProbe probe;
    private Instant started;

    @Inject
    ModeratorLabels labels;

    @BeforeEach
    void openProbe() {
        probe = new TopicProbe(broker);
        started = Instant.now();
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void onlyAnAdminMayExport() {
        given().get("/quality/export").then().statusCode(401);
        moderator().get("/quality/export").then().statusCode(403);
        given().auth().preemptive().basic("registrar", "test-registrar-password").get("/quality/export").then()
                .statusCode(403);
        admin().get("/quality/export").then().statusCode(200)
                .contentType(startsWith("application/x-ndjson"))
                .header("Cache-Control", "no-store");
    }

    @Test
    void everyDecisionIsALineInTheCorpusForm() {
        EventEnvelope<CommentClassified> confirmed = underReview(probe, Route.COMPLAINT, "complaint", true,
                "Snöröjningen på Ängsvägen är usel, två dygn utan plog!");
        EventEnvelope<CommentClassified> overridden = underReview(probe, Route.COMPLAINT, "complaint", true,
                "Tack för en härlig konsert i parken igår");
        confirm(moderator(), confirmed.commentKey());
        decide(moderator(), overridden.commentKey(), Route.TRIVIAL, "thanks");

        List<JsonNode> lines = exported(started, Map.of());
        JsonNode line = lineOf(lines, confirmed.commentKey());
        assertThat(line).as("the confirmation").isNotNull();
        List<String> fields = new ArrayList<>();
        line.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "platform", "text", "route", "subtype", "needs_response", "note");
        assertThat(line.path("id").asText()).isEqualTo("mod-" + confirmed.commentKey());
        assertThat(line.path("platform").asText()).isEqualTo("facebook");
        assertThat(line.path("text").asText()).isEqualTo("Snöröjningen på Ängsvägen är usel, två dygn utan plog!");
        assertThat(line.path("route").asText()).isEqualTo("complaint");
        assertThat(line.path("subtype").asText()).isEqualTo("complaint");
        assertThat(line.path("needs_response").isBoolean()).isTrue();
        assertThat(line.path("needs_response").asBoolean()).isTrue();
        String today = LocalDate.now(STOCKHOLM).toString();
        assertThat(line.path("note").asText()).contains("moderator's decision").contains(today)
                .contains("confirmed");

        JsonNode override = lineOf(lines, overridden.commentKey());
        assertThat(override.path("route").asText()).isEqualTo("trivial");
        assertThat(override.path("subtype").asText()).isEqualTo("thanks");
        assertThat(override.path("note").asText()).contains(today).contains("overrode the classifier's complaint");
    }

    @Test
    void noModeratorsAndNoAuthorsNameLeavesTheService() {
        EventEnvelope<CommentClassified> event = underReview(probe, Route.TRIVIAL, "chatter", false,
                "Vilket väder vi har i dag");
        confirm(given().auth().preemptive().basic("moderator-maja", "test-maja-password"), event.commentKey());
        assertThat(label(event.commentKey()).decidedBy).as("kept inside the service").isEqualTo("moderator-maja");
        assertThat(event.payload().comment().author().displayName()).isEqualTo("Kalle Karlsson");

        String body = admin().queryParam("since", started.toString()).get("/quality/export").then().statusCode(200)
                .extract().asString();
        assertThat(lineOf(parse(body), event.commentKey())).isNotNull();
        assertThat(body.toLowerCase()).doesNotContain("maja").doesNotContain("kalle").doesNotContain("karlsson")
                .doesNotContain("decided_by").doesNotContain("author");
    }

    @Test
    void sinceLeavesOutEarlierDecisions() {
        EventEnvelope<CommentClassified> before = underReview(probe, Route.TRIVIAL, "chatter", false,
                "Fin solnedgång över Hjälmaren");
        EventEnvelope<CommentClassified> after = underReview(probe, Route.TRIVIAL, "chatter", false,
                "Snart är det jul igen");
        confirm(moderator(), before.commentKey());
        Instant between = Instant.now();
        confirm(moderator(), after.commentKey());

        assertThat(ids(exported(started, Map.of()))).contains("mod-" + before.commentKey(), "mod-" + after.commentKey());
        List<String> since = ids(exported(between, Map.of()));
        assertThat(since).contains("mod-" + after.commentKey()).doesNotContain("mod-" + before.commentKey());
        assertThat(exported(Instant.now().plusSeconds(3600), Map.of())).isEmpty();
    }

    @Test
    void changedOnlyKeepsTheDecisionsThatDisagreeWithTheClassifier() {
        EventEnvelope<CommentClassified> agreed = underReview(probe, Route.COMPLAINT, "complaint", true,
                "Soptunnan har inte tömts på tre veckor");
        EventEnvelope<CommentClassified> disagreed = underReview(probe, Route.COMPLAINT, "complaint", true,
                "Haha, vilken match det blev i går");
        confirm(moderator(), agreed.commentKey());
        decide(moderator(), disagreed.commentKey(), Route.TRIVIAL, "chatter");

        assertThat(ids(exported(started, Map.of("changedOnly", "false"))))
                .contains("mod-" + agreed.commentKey(), "mod-" + disagreed.commentKey());
        List<JsonNode> changed = exported(started, Map.of("changedOnly", "true"));
        assertThat(ids(changed)).contains("mod-" + disagreed.commentKey()).doesNotContain("mod-" + agreed.commentKey());
        assertThat(changed).allMatch(l -> l.path("note").asText().contains("overrode"));

        admin().queryParam("changedOnly", "yes").get("/quality/export").then().statusCode(400)
                .body("status", equalTo(400)).body("reason", containsString("changedOnly"));
    }

    @Test
    void fiveHundredLinesAPageWithALinkToTheNext() {
        // 505 decisions written as the decision path writes them, without 505 trips through Kafka.
        List<String> keys = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 505; i++) {
                DeskCommentEntity comment = deskComment("web", "Kommentar nummer " + i + " om badhuset");
                labels.record(comment, Route.TRIVIAL, "chatter", "moderator", Instant.now());
                keys.add(comment.commentKey);
            }
        });

        Response first = admin().queryParam("since", started.toString()).get("/quality/export");
        first.then().statusCode(200);
        List<JsonNode> page = parse(first.asString());
        assertThat(page).hasSize(500);
        String next = nextLink(first);
        assertThat(next).as("Link: <…>; rel=\"next\"").isNotNull().contains("since=").contains("after=");
        assertThat(page.get(0).path("platform").asText()).as("the corpus name of a web comment field")
                .isEqualTo("website");

        List<JsonNode> all = exported(started, Map.of());
        List<String> ids = ids(all);
        assertThat(new HashSet<>(ids)).as("no line twice").hasSameSizeAs(ids);
        assertThat(ids).containsAll(keys.stream().map(k -> "mod-" + k).toList());
        Response last = admin().urlEncodingEnabled(false).get(next);
        assertThat(nextLink(last)).as("the last page has no next").isNull();
    }

    @Test
    void culledAndEditedCommentsAreLeftOut() {
        EventEnvelope<CommentClassified> culled = underReview(probe, Route.TRIVIAL, "chatter", false,
                "Grattis på födelsedagen, mormor");
        EventEnvelope<CommentClassified> edited = underReview(probe, Route.TRIVIAL, "chatter", false,
                "Bra jobbat med cykelbanan");
        EventEnvelope<CommentClassified> reread = underReview(probe, Route.TRIVIAL, "chatter", false,
                "Vad fint det blev vid ån");
        confirm(moderator(), culled.commentKey());
        confirm(moderator(), edited.commentKey());
        confirm(moderator(), reread.commentKey());
        assertThat(ids(exported(started, Map.of()))).contains("mod-" + culled.commentKey(),
                "mod-" + edited.commentKey(), "mod-" + reread.commentKey());

        publish(probe, Topics.RECORDS_CULLED, EventEnvelope.wrap(UUID.randomUUID(), Instant.now(),
                culled.commentKey(), "archive-service", new RecordCulled(Route.TRIVIAL, "chatter",
                        "KS 2026/1 gallringsbeslut", Instant.now(), Instant.now(), "c".repeat(64), 1, "archive")));
        EventEnvelope<CommentClassified> newText = classifiedAgain(edited, "Bra jobbat med cykelbanan! Men lampor?",
                Verb.EDITED);
        EventEnvelope<CommentClassified> sameText = classifiedAgain(reread, reread.payload().comment().text(),
                Verb.ADDED);
        publishClassified(probe, newText);
        publishClassified(probe, sameText);
        await().atMost(WAIT).until(() -> label(culled.commentKey()).culledAt != null);
        awaitOnDesk(newText);
        awaitOnDesk(sameText);

        assertThat(label(culled.commentKey()).text).as("gallring reaches the label's text").isNull();
        assertThat(label(edited.commentKey()).editedAt).isNotNull();
        List<String> ids = ids(exported(started, Map.of()));
        assertThat(ids).doesNotContain("mod-" + culled.commentKey(), "mod-" + edited.commentKey())
                .as("a new rule set reading the same words keeps the label").contains("mod-" + reread.commentKey());
    }

    @Test
    void anInvalidSinceOrCursorIsRefusedWithAReason() {
        admin().queryParam("since", "igår").get("/quality/export").then().statusCode(400)
                .contentType(startsWith("application/json"))
                .body("status", equalTo(400)).body("reason", containsString("since must be an ISO-8601 instant"));
        admin().queryParam("since", "2026-12-01").get("/quality/export").then().statusCode(400)
                .body("reason", containsString("since"));
        admin().queryParam("after", "not-a-cursor").get("/quality/export").then().statusCode(400)
                .body("status", equalTo(400)).body("reason", containsString("after"));
    }

    private static EventEnvelope<CommentClassified> classifiedAgain(EventEnvelope<CommentClassified> first,
            String text, Verb verb) {
        CommentClassified p = first.payload();
        ClassifiedComment c = p.comment();
        ClassifiedComment comment = new ClassifiedComment(c.platform(), c.accountId(), c.commentId(),
                c.author(), text, c.permalink(), c.receivedAt(), verb);
        CommentClassified again = new CommentClassified(UUID.randomUUID(), p.route(), p.subtype(), p.flags(), 0.9,
                p.needsResponse(), false, p.reasons(), "rules-test-2", comment);
        return EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), first.commentKey(), "classification-service",
                again);
    }

    private static DeskCommentEntity deskComment(String platform, String text) {
        DeskCommentEntity comment = new DeskCommentEntity();
        comment.commentId = "c-" + UUID.randomUUID();
        comment.accountId = "site-1";
        comment.platform = platform;
        comment.commentKey = platform + ":" + comment.accountId + ":" + comment.commentId;
        comment.classifiedEvent = UUID.randomUUID();
        comment.route = Route.TRIVIAL.name();
        comment.subtype = "chatter";
        comment.flags = Route.TRIVIAL.name();
        comment.confidence = 0.4;
        comment.reviewRequired = true;
        comment.needsResponse = false;
        comment.detectors = "trivial.test";
        comment.ruleSetVersion = "rules-test";
        comment.text = text;
        comment.receivedAt = Instant.now();
        comment.classifiedAt = comment.receivedAt;
        comment.persist();
        return comment;
    }
}
