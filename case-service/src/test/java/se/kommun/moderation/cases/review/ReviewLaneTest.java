package se.kommun.moderation.cases.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static se.kommun.moderation.cases.desk.DeskFixtures.CODEC;
import static se.kommun.moderation.cases.desk.DeskFixtures.classified;
import static se.kommun.moderation.cases.desk.DeskFixtures.evidence;
import static se.kommun.moderation.cases.desk.DeskFixtures.inTransaction;
import static se.kommun.moderation.cases.desk.DeskFixtures.newCommentId;
import static se.kommun.moderation.cases.desk.DeskFixtures.publish;
import static se.kommun.moderation.cases.desk.DeskFixtures.publishClassified;
import static se.kommun.moderation.cases.desk.DeskFixtures.recordsFor;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.cases.actions.domain.RemovalState;
import se.kommun.moderation.cases.actions.persistence.RemovalEntity;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.diarium.persistence.CaseDocumentEntity;
import se.kommun.moderation.cases.diarium.persistence.CaseEntity;
import se.kommun.moderation.events.CommandAction;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.ModerationDecided;
import se.kommun.moderation.events.PlatformCommandIssued;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TestDatabase;
import se.kommun.moderation.testkit.TopicProbe;

/**
 * Uncertain never means trivial: a TRIVIAL or COMPLAINT classification with reviewRequired reaches
 * a person's queue with the classifier's reasons, and the person's decision goes the way of every
 * other decision (moderation.decisions, registration, the escalation path).
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "case"))
class ReviewLaneTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SCRIPT = "<script>alert(1)</script>";

    KafkaBroker broker;
    TestDatabase database;
    private TopicProbe probe;

    @BeforeEach
    void openProbe() {
        probe = new TopicProbe(broker);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    private static RequestSpecification moderator() {
        return given().auth().preemptive().basic("moderator", "test-moderator-password");
    }

    /** A comment the classifier took for chatter but was unsure about, with a veiled threat's span. */
    private static EventEnvelope<CommentClassified> unsure(Route route, boolean needsResponse, String text,
            String threatening) {
        int start = text.indexOf(threatening);
        return classified(newCommentId(), route, route == Route.COMPLAINT ? "complaint" : "chatter", 0.41, true,
                needsResponse, text, new Reason("trivial.greeting", Route.TRIVIAL, "chatter", 0, 6, 0.3),
                new Reason("threat.veiled", Route.CRIMINAL, "threat", start, start + threatening.length(), 0.35));
    }

    private static JsonPath queue() {
        return moderator().get("/queue").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> reviewInQueue(String key) {
        return queue().getMap("reviews.find { it.commentKey == '" + key + "' }");
    }

    private List<String> reviewTaskStatuses(String key) throws SQLException {
        return strings("SELECT status FROM task WHERE comment_key = ? AND kind = 'REVIEW' ORDER BY created_at", key);
    }

    private List<String> auditOf(String key) throws SQLException {
        return strings("SELECT subject || ': ' || action || ' (' || actor || ') ' || coalesce(reason, '')"
                + " FROM audit_entry WHERE comment_key = ? ORDER BY id", key);
    }

    private List<String> strings(String sql, String key) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            List<String> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        }
    }

    private List<ModerationDecided> decisionsFor(String key) {
        return recordsFor(probe, Topics.MODERATION_DECISIONS, key).stream()
                .map(r -> CODEC.decode(r.value(), ModerationDecided.class).payload()).toList();
    }

    private List<PlatformCommandIssued> commandsFor(String key) {
        return recordsFor(probe, Topics.PLATFORM_COMMANDS, key).stream()
                .map(r -> CODEC.decode(r.value(), PlatformCommandIssued.class).payload()).toList();
    }

    private void awaitOpenReview(String key) {
        await().atMost(WAIT).until(() -> reviewTaskStatuses(key).equals(List.of("OPEN")));
    }

    /** Waits until the desk has handled this event (events of one comment are handled in order). */
    private static void awaitHandled(EventEnvelope<CommentClassified> event) {
        await().atMost(WAIT).until(() -> inTransaction(() -> {
            DeskCommentEntity comment = DeskCommentEntity.findById(event.commentKey());
            return comment != null && comment.classifiedEvent.equals(event.eventId());
        }));
    }

    private static RemovalEntity removal(String key) {
        return inTransaction(() -> RemovalEntity.findById(key));
    }

    private static CaseEntity caseOf(String key) {
        return inTransaction(() -> CaseEntity.<CaseEntity>find("commentKey", key).firstResult());
    }

    @Test
    void anUnsureTrivialCommentWaitsForReviewWithItsReasonsShownAndEscaped() throws Exception {
        String text = "Vi ses " + SCRIPT + " efter mötet";
        EventEnvelope<CommentClassified> chatter = unsure(Route.TRIVIAL, false, text, SCRIPT);
        EventEnvelope<CommentClassified> threat = unsure(Route.CRIMINAL, false, "Hej, jag vet var du bor", "var du bor");
        String key = chatter.commentKey();
        publishClassified(probe, chatter);
        publishClassified(probe, threat);
        awaitOpenReview(key);

        Map<String, Object> review = reviewInQueue(key);
        assertThat(review).as("the review in GET /queue").isNotNull()
                .containsEntry("kind", "REVIEW").containsEntry("status", "OPEN").containsEntry("route", "TRIVIAL")
                .containsEntry("text", text)
                // Received Tuesday 24 November 2026 10:00 in Stockholm: due one working day later.
                .containsEntry("dueAt", "2026-11-25T09:00:00Z");
        JsonPath queue = queue();
        String reasons = "reviews.find { it.commentKey == '" + key + "' }.reasons";
        assertThat(queue.getList(reasons + ".detector")).containsExactly("trivial.greeting", "threat.veiled");
        assertThat(queue.getList(reasons + ".span")).containsExactly("Vi ses", SCRIPT);
        assertThat(queue.getList(reasons + ".route")).containsExactly("TRIVIAL", "CRIMINAL");
        assertThat(queue.getList(reasons + ".start", Integer.class)).containsExactly(0, 7);
        assertThat(queue.getList("tasks.findAll { it.commentKey == '" + key + "' }.kind")).containsExactly("REVIEW");
        assertThat(auditOf(key)).anyMatch(entry -> entry.startsWith("task REVIEW: opened")
                && entry.endsWith("the classifier is unsure: confirm or change the route"));

        // The removal queue shows the reasons of its items too.
        await().atMost(WAIT).until(() -> removal(threat.commentKey()) != null);
        assertThat(queue().getList("removals.find { it.commentKey == '" + threat.commentKey() + "' }.reasons.span"))
                .containsExactly("Hej, j", "var du bor");

        String html = moderator().get("/dashboard").then().statusCode(200).extract().asString();
        assertThat(html).doesNotContain(SCRIPT)
                .contains("<mark title=\"threat.veiled\">&lt;script&gt;alert(1)&lt;/script&gt;</mark>")
                .contains("<mark title=\"trivial.greeting\">Vi ses</mark>")
                .contains("<mark title=\"threat.veiled\">var du bor</mark>")
                .contains("action=\"/dashboard/reviews/confirm\"").contains("action=\"/dashboard/reviews/decide\"");
    }

    @Test
    void aConfirmedReviewIsAConfirmationOnModerationDecisionsAndTheTaskIsDone() throws Exception {
        EventEnvelope<CommentClassified> chatter = unsure(Route.TRIVIAL, false, "Ha en fin dag, snart är det din tur",
                "snart är det din tur");
        String key = chatter.commentKey();
        publishClassified(probe, chatter);
        awaitOpenReview(key);

        moderator().contentType(ContentType.JSON).body(Map.of("reason", "en hälsning, inget hot"))
                .post("/queue/reviews/{key}/confirm", key).then().statusCode(200)
                .body("status", equalTo("DONE")).body("decision", equalTo("CONFIRMED"));

        await().atMost(WAIT).until(() -> decisionsFor(key).stream().anyMatch(d -> d.kind() == DecisionKind.CONFIRMED
                && d.classifiedRoute() == Route.TRIVIAL && d.decidedRoute() == Route.TRIVIAL
                && d.classificationEventId().equals(chatter.eventId()) && "moderator".equals(d.decidedBy())
                && d.classifiedDetectors().contains("threat.veiled")));
        assertThat(reviewTaskStatuses(key)).containsExactly("DONE");
        assertThat(reviewInQueue(key)).as("no longer in the queue").isNull();
        assertThat(auditOf(key)).anyMatch(entry -> entry.startsWith("task REVIEW: done (moderator)"));
        assertThat(caseOf(key)).as("a trivial comment stays unregistered").isNull();

        moderator().contentType(ContentType.JSON).body(Map.of()).post("/queue/reviews/{key}/confirm", key).then()
                .statusCode(409).body("reason", containsString("no open review"));
    }

    @Test
    void decidingComplaintRegistersTheCommentWithADiaryNumberAsAnOverride() throws Exception {
        EventEnvelope<CommentClassified> question = unsure(Route.TRIVIAL, true,
                "Varför är gatan fortfarande inte plogad? Det är tredje gången", "tredje gången");
        String key = question.commentKey();
        publishClassified(probe, question);
        awaitOpenReview(key);

        moderator().contentType(ContentType.JSON)
                .body(Map.of("route", "COMPLAINT", "subtype", "complaint", "reason", "klagomål på snöröjningen"))
                .post("/queue/reviews/{key}/decide", key).then().statusCode(200)
                .body("decision", equalTo("OVERRIDDEN")).body("route", equalTo("COMPLAINT"))
                .body("diaryNumber", containsString("KS "));

        CaseEntity registered = caseOf(key);
        assertThat(registered).isNotNull();
        assertThat(registered.diaryNumber).matches("KS \\d{4}/\\d+");
        assertThat(registered.route).isEqualTo("COMPLAINT");
        assertThat(inTransaction(() -> CaseDocumentEntity.count("commentKey", key))).isEqualTo(1);
        await().atMost(WAIT).until(() -> decisionsFor(key).size() == 2);
        assertThat(decisionsFor(key)).anyMatch(d -> d.kind() == DecisionKind.OVERRIDDEN
                && d.classifiedRoute() == Route.TRIVIAL && d.decidedRoute() == Route.COMPLAINT
                && "complaint".equals(d.decidedSubtype()) && "klagomål på snöröjningen".equals(d.reason()));
        assertThat(decisionsFor(key)).anyMatch(d -> d.kind() == DecisionKind.LEGAL_HOLD_SET
                && registered.diaryNumber.equals(d.reference()));
        assertThat(reviewTaskStatuses(key)).containsExactly("DONE");
        // The question's answer task is now the case's, due as before.
        assertThat(strings("SELECT status || ' ' || coalesce(case_id::text, '-') FROM task WHERE comment_key = ?"
                + " AND kind = 'ANSWER'", key)).containsExactly("OPEN " + registered.id);
        moderator().get("/cases/{id}", registered.id).then().statusCode(200)
                .body("tasks.kind", org.hamcrest.Matchers.hasItems("ANSWER", "REVIEW"));
    }

    @Test
    void decidingCriminalTakesTheEscalationPathAndTheRemovalWaitsForEvidence() throws Exception {
        EventEnvelope<CommentClassified> chatter = unsure(Route.TRIVIAL, false, "Trevligt hus du har, synd om det brann",
                "synd om det brann");
        String key = chatter.commentKey();
        publishClassified(probe, chatter);
        awaitOpenReview(key);

        moderator().contentType(ContentType.JSON)
                .body(Map.of("route", "CRIMINAL", "subtype", "threat", "reason", "förtäckt hot om mordbrand"))
                .post("/queue/reviews/{key}/decide", key).then().statusCode(200)
                .body("decision", equalTo("OVERRIDDEN")).body("removalState", equalTo("AWAITING_EVIDENCE"));

        assertThat(removal(key).state).isEqualTo(RemovalState.AWAITING_EVIDENCE);
        assertThat(caseOf(key)).isNotNull();
        assertThat(strings("SELECT kind FROM task WHERE comment_key = ? AND status = 'OPEN'", key))
                .containsExactly("POLICE_REPORT");
        assertThat(reviewTaskStatuses(key)).containsExactly("DONE");
        await().atMost(WAIT).until(() -> decisionsFor(key).stream().anyMatch(d -> d.kind() == DecisionKind.OVERRIDDEN
                && d.classifiedRoute() == Route.TRIVIAL && d.decidedRoute() == Route.CRIMINAL));
        assertThat(commandsFor(key)).as("no removal before evidence").isEmpty();

        publish(probe, Topics.EVIDENCE_CAPTURED, evidence(key));
        await().atMost(WAIT).until(() -> commandsFor(key).size() == 1);
        assertThat(commandsFor(key).get(0).action()).isEqualTo(CommandAction.HIDE);
        assertThat(commandsFor(key).get(0).issuedBy()).isEqualTo("moderator");
    }

    @Test
    void decidingTrivialForAnUnsureComplaintKeepsItsRegistration() throws Exception {
        EventEnvelope<CommentClassified> complaint = unsure(Route.COMPLAINT, false,
                "Hej! Tack för en bra konsert i parken igår", "bra konsert");
        String key = complaint.commentKey();
        publishClassified(probe, complaint);
        awaitOpenReview(key);
        CaseEntity registered = caseOf(key);
        assertThat(registered).as("registered on its classified route").isNotNull();

        moderator().contentType(ContentType.JSON)
                .body(Map.of("route", "trivial", "subtype", "thanks", "reason", "ett tack, inget ärende"))
                .post("/queue/reviews/{key}/decide", key).then().statusCode(200)
                .body("decision", equalTo("OVERRIDDEN")).body("route", equalTo("TRIVIAL"));

        await().atMost(WAIT).until(() -> decisionsFor(key).stream().anyMatch(d -> d.kind() == DecisionKind.OVERRIDDEN
                && d.classifiedRoute() == Route.COMPLAINT && d.decidedRoute() == Route.TRIVIAL));
        assertThat(inTransaction(() -> CaseDocumentEntity.count("commentKey", key))).isEqualTo(1);
        assertThat(caseOf(key).status).isEqualTo("OPEN");
        assertThat(reviewTaskStatuses(key)).containsExactly("DONE");
        assertThat(auditOf(key)).anyMatch(entry -> entry.contains("changed from COMPLAINT to TRIVIAL")
                && entry.contains(registered.diaryNumber) && entry.contains("never undone"));
    }

    @Test
    void onlyAnUnsureClassificationOpensAReviewAndNeverASecondOne() throws Exception {
        EventEnvelope<CommentClassified> sure = classified(newCommentId(), Route.TRIVIAL, "thanks", 0.95, false, false,
                "Tack för hjälpen!");
        publishClassified(probe, sure);
        awaitHandled(sure);
        assertThat(reviewTaskStatuses(sure.commentKey())).isEmpty();

        EventEnvelope<CommentClassified> chatter = unsure(Route.TRIVIAL, false, "Vi ses vid bron klockan tre",
                "vid bron");
        String key = chatter.commentKey();
        publishClassified(probe, chatter);
        publishClassified(probe, chatter);
        // A reclassification that is no longer uncertain, after the redelivery.
        EventEnvelope<CommentClassified> surer = reclassified(chatter, false);
        publishClassified(probe, surer);
        awaitHandled(surer);
        assertThat(reviewTaskStatuses(key)).containsExactly("OPEN");

        moderator().contentType(ContentType.JSON).body(Map.of()).post("/queue/reviews/{key}/confirm", key).then()
                .statusCode(200);
        EventEnvelope<CommentClassified> later = reclassified(chatter, false);
        publishClassified(probe, later);
        publishClassified(probe, chatter);
        EventEnvelope<CommentClassified> last = reclassified(chatter, false);
        publishClassified(probe, last);
        awaitHandled(last);
        assertThat(reviewTaskStatuses(key)).containsExactly("DONE");
    }

    @Test
    void aReviewEndsWhenTheCommentMovesIntoTheRemovalLane() throws Exception {
        EventEnvelope<CommentClassified> reclassifiedLater = unsure(Route.TRIVIAL, false, "Jag kommer förbi ikväll",
                "kommer förbi");
        EventEnvelope<CommentClassified> escalatedFromTheQueue = unsure(Route.TRIVIAL, false, "Akta dig på bron",
                "Akta dig");
        publishClassified(probe, reclassifiedLater);
        publishClassified(probe, escalatedFromTheQueue);
        awaitOpenReview(reclassifiedLater.commentKey());
        awaitOpenReview(escalatedFromTheQueue.commentKey());

        // The classifier now calls it criminal, still unsure: the removal queue asks the person instead.
        EventEnvelope<CommentClassified> criminal = reclassified(reclassifiedLater, Route.CRIMINAL, true);
        publishClassified(probe, criminal);
        awaitHandled(criminal);
        assertThat(removal(reclassifiedLater.commentKey()).state).isEqualTo(RemovalState.AWAITING_CONFIRMATION);
        assertThat(reviewTaskStatuses(reclassifiedLater.commentKey())).containsExactly("CANCELLED");

        // Escalating from the queue decides the review as well.
        moderator().contentType(ContentType.JSON).body(Map.of("route", "CRIMINAL", "reason", "hot"))
                .post("/queue/comments/{key}/escalate", escalatedFromTheQueue.commentKey()).then().statusCode(200);
        assertThat(reviewTaskStatuses(escalatedFromTheQueue.commentKey())).containsExactly("DONE");
    }

    private static EventEnvelope<CommentClassified> reclassified(EventEnvelope<CommentClassified> first,
            boolean reviewRequired) {
        return reclassified(first, first.payload().route(), reviewRequired);
    }

    private static EventEnvelope<CommentClassified> reclassified(EventEnvelope<CommentClassified> first, Route route,
            boolean reviewRequired) {
        CommentClassified p = first.payload();
        CommentClassified again = new CommentClassified(UUID.randomUUID(), route, p.subtype(), List.of(route), 0.9,
                p.needsResponse(), reviewRequired, p.reasons(), "rules-test-2", p.comment());
        return EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), first.commentKey(), "classification-service",
                again);
    }

    @Test
    void aDecisionNeedsAnOpenReviewAKnownCommentAndARoute() throws Exception {
        String unknown = "facebook:page-1:" + newCommentId();
        moderator().contentType(ContentType.JSON).body(Map.of()).post("/queue/reviews/{key}/confirm", unknown).then()
                .statusCode(404).body("status", equalTo(404)).body("reason", containsString("no comment"));
        moderator().contentType(ContentType.JSON).body(Map.of("route", "COMPLAINT", "reason", "x"))
                .post("/queue/reviews/{key}/decide", unknown).then().statusCode(404);

        EventEnvelope<CommentClassified> sure = classified(newCommentId(), Route.TRIVIAL, "thanks", 0.95, false, false,
                "Tack!");
        publishClassified(probe, sure);
        awaitHandled(sure);
        moderator().contentType(ContentType.JSON).body(Map.of()).post("/queue/reviews/{key}/confirm",
                sure.commentKey()).then().statusCode(409).body("status", equalTo(409))
                .body("reason", containsString("no open review"));
        moderator().contentType(ContentType.JSON).body(Map.of("route", "CRIMINAL", "reason", "hot"))
                .post("/queue/reviews/{key}/decide", sure.commentKey()).then().statusCode(409)
                .body("reason", containsString("no open review"));
        assertThat(removal(sure.commentKey())).as("a refused decision changes nothing").isNull();

        moderator().contentType(ContentType.JSON).body(Map.of("route", "NONSENSE", "reason", "x"))
                .post("/queue/reviews/{key}/decide", sure.commentKey()).then().statusCode(400)
                .body("status", equalTo(400)).body("reason", containsString("route must be one of"));
        moderator().contentType(ContentType.JSON).body(Map.of("route", "COMPLAINT"))
                .post("/queue/reviews/{key}/decide", sure.commentKey()).then().statusCode(400)
                .body("reason", containsString("reason"));
        moderator().contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/queue/reviews/{key}/decide", sure.commentKey()).then().statusCode(400)
                .body("reason", containsString("route"));

        given().contentType(ContentType.JSON).body(Map.of()).post("/queue/reviews/{key}/confirm", sure.commentKey())
                .then().statusCode(401);
        given().auth().preemptive().basic("registrar", "test-registrar-password").contentType(ContentType.JSON)
                .body(Map.of()).post("/queue/reviews/{key}/confirm", sure.commentKey()).then().statusCode(403);
        given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON)
                .body(Map.of()).post("/queue/reviews/{key}/confirm", sure.commentKey()).then().statusCode(409);
        moderator().contentType(ContentType.TEXT).body("route=CRIMINAL")
                .post("/queue/reviews/{key}/decide", sure.commentKey()).then().statusCode(415);
    }

    @Test
    void aModeratorDecidesReviewsFromTheDashboard() throws Exception {
        EventEnvelope<CommentClassified> threat = unsure(Route.TRIVIAL, false, "Fint väder, passa dig på vägen hem",
                "passa dig");
        EventEnvelope<CommentClassified> greeting = unsure(Route.TRIVIAL, false, "Hej hej, vi ses", "vi ses");
        publishClassified(probe, threat);
        publishClassified(probe, greeting);
        awaitOpenReview(threat.commentKey());
        awaitOpenReview(greeting.commentKey());

        given().auth().preemptive().basic("moderator", "test-moderator-password")
                .header("Origin", "https://evil.example").formParam("commentKey", threat.commentKey())
                .formParam("route", "CRIMINAL").formParam("reason", "hot").post("/dashboard/reviews/decide").then()
                .statusCode(403);
        assertThat(reviewTaskStatuses(threat.commentKey())).containsExactly("OPEN");

        moderator().redirects().follow(false).formParam("commentKey", threat.commentKey())
                .formParam("route", "CRIMINAL").formParam("reason", "hot mot den som läser")
                .post("/dashboard/reviews/decide").then().statusCode(303)
                .header("Location", containsString("notice="));
        assertThat(removal(threat.commentKey()).state).isEqualTo(RemovalState.AWAITING_EVIDENCE);
        assertThat(reviewTaskStatuses(threat.commentKey())).containsExactly("DONE");

        moderator().redirects().follow(false).formParam("commentKey", greeting.commentKey())
                .post("/dashboard/reviews/confirm").then().statusCode(303);
        assertThat(reviewTaskStatuses(greeting.commentKey())).containsExactly("DONE");
        await().atMost(WAIT).until(() -> decisionsFor(greeting.commentKey()).stream()
                .anyMatch(d -> d.kind() == DecisionKind.CONFIRMED && d.decidedRoute() == Route.TRIVIAL));

        // A second decision is refused with the page itself.
        moderator().redirects().follow(false).formParam("commentKey", greeting.commentKey())
                .post("/dashboard/reviews/confirm").then().statusCode(409)
                .body(containsString("Inte utfört")).body(containsString("no open review"));
    }
}
