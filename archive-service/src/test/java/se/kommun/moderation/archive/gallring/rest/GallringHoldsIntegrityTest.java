package se.kommun.moderation.archive.gallring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.archive.records.domain.RawIntegrity;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.ModerationDecided;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.RawPayload;
import se.kommun.moderation.events.RecordCulled;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TestDatabase;
import se.kommun.moderation.testkit.TopicProbe;

/**
 * Gallring culls only what its rules allow and never a held record, leaves protocol rows and
 * records.culled; holds come from moderation.decisions and the API; the integrity check passes and
 * then names a row altered behind the archive's back.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "archive"))
class GallringHoldsIntegrityTest {

    private final EventCodec codec = EventCodec.instance();
    KafkaBroker broker;
    TestDatabase database;
    private TopicProbe probe;
    private final String account = "gallring-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void openProbe() {
        probe = new TopicProbe(broker);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "test-" + user + "-password");
    }

    private String comment(String id, String text, int daysAgo, String route, String subtype, boolean review) throws Exception {
        byte[] raw = ("{\"id\":\"" + id + "\",\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
        String sha = RawIntegrity.sha256Hex(raw);
        CommentReceived payload = new CommentReceived(Platform.WEB, account, id, null, null, new Author("u-" + id, "Person " + id),
                text, List.of(), null, null, Instant.now().minus(Duration.ofDays(daysAgo)), Verb.ADDED,
                account + ":" + id, new RawPayload(sha, "application/json", raw, sha));
        String key = payload.commentKey().toString();
        probe.send(Topics.COMMENTS_RECEIVED, key, codec.encode(EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), key, "test", payload)));
        if (route != null) {
            try (Connection c = database.connect();
                    PreparedStatement s = c.prepareStatement("INSERT INTO record_classification (comment_key, source_event_id,"
                            + " event_id, route, subtype, confidence, review_required, rule_set_version, classified_at)"
                            + " VALUES (?, ?, ?, ?, ?, 0.9, ?, 'test', now())")) {
                s.setString(1, key);
                s.setObject(2, UUID.randomUUID());
                s.setObject(3, UUID.randomUUID());
                s.setString(4, route);
                s.setString(5, subtype);
                s.setBoolean(6, review);
                s.executeUpdate();
            }
        }
        return key;
    }

    private void decide(String key, DecisionKind kind, String reference) {
        ModerationDecided d = new ModerationDecided(UUID.randomUUID(), kind, null, null, null, List.of(), null, null, null,
                reference, "test", "case-service", Instant.now());
        String json = codec.encode(EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), key, "case-service", d));
        probe.send(Topics.MODERATION_DECISIONS, key, json);
        probe.send(Topics.MODERATION_DECISIONS, key, json); // a redelivery changes nothing
    }

    /** A person's word on the route, as the case-service sends it when a review or removal is decided. */
    private void decideRoute(String key, DecisionKind kind, Route classified, Route decided) {
        ModerationDecided d = new ModerationDecided(UUID.randomUUID(), kind, UUID.randomUUID(), classified, null,
                List.of("test.detector"), "test", decided, null, null, "reviewed", "moderator", Instant.now());
        probe.send(Topics.MODERATION_DECISIONS, key,
                codec.encode(EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), key, "case-service", d)));
    }

    private static List<String> keys(JsonPath report, String list) {
        return report.getList(list + ".commentKey");
    }

    @Test
    void cullsOnlyWhatTheRulesAllowNeverAHeldRecordAndLeavesAProtocol() throws Exception {
        String due = comment("due", "Tack!", 40, "TRIVIAL", null, false);
        String recent = comment("recent", "Tack igen", 5, "TRIVIAL", null, false);
        String heldByCase = comment("case", "Tack, men", 40, "TRIVIAL", null, false);
        String heldByRequest = comment("request", "Hej hej", 40, "TRIVIAL", null, false);
        String complaint = comment("complaint", "Gatan är trasig", 40, "COMPLAINT", null, false);
        String unclassified = comment("unclassified", "Vad?", 40, null, null, false);
        String review = comment("review", "Kanske trivialt", 40, "TRIVIAL", null, true);
        String question = comment("question", "När öppnar badet?", 40, "TRIVIAL", "question", false);
        List<String> mine = List.of(due, recent, heldByCase, heldByRequest, complaint, unclassified, review, question);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("archivist").queryParam("account", account).get("/records").then().statusCode(200).body("total", equalTo(8)));

        // Evidence of the due record: culled with it.
        UUID evidence = UUID.randomUUID();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            UUID bundle = UUID.randomUUID();
            s.executeUpdate("INSERT INTO evidence_bundle (bundle_id, comment_key, requested_by, captured_at) VALUES ('"
                    + bundle + "', '" + due + "', 'test', now())");
            s.executeUpdate("INSERT INTO evidence_artefact (evidence_id, bundle_id, comment_key, kind, media_type, size_bytes,"
                    + " sha256, content, captured_at) VALUES ('" + evidence + "', '" + bundle + "', '" + due + "', 'SCREENSHOT_PNG',"
                    + " 'image/png', 3, encode(sha256('\\x010203'::bytea), 'hex'), '\\x010203'::bytea, now())");
        }

        // An open case holds one (via moderation.decisions), a pending request for access the other (API).
        decide(heldByCase, DecisionKind.LEGAL_HOLD_SET, "KS 2026/17");
        String holdId = as("registrar").contentType(ContentType.JSON)
                .body(Map.of("commentKey", heldByRequest, "reference", "Dnr 2026/88 (begäran om utlämnande)",
                        "reason", "pending request for access"))
                .post("/holds").then().statusCode(201).body("setBy", equalTo("registrar")).extract().path("holdId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("moderator").queryParam("commentKey", heldByCase).get("/holds").then().statusCode(200)
                        .body("size()", equalTo(1)).body("[0].reference", equalTo("KS 2026/17")));

        JsonPath dry = as("archivist").get("/gallring/dry-run").then().statusCode(200).extract().jsonPath();
        assertThat(keys(dry, "culled")).filteredOn(mine::contains).containsExactly(due);
        assertThat(keys(dry, "kept")).contains(heldByCase, heldByRequest, complaint, unclassified, review, question)
                .doesNotContain(recent);
        assertThat(dry.getString("kept.find { it.commentKey == '" + heldByCase + "' }.reason")).contains("legal hold KS 2026/17");
        assertThat(dry.getString("kept.find { it.commentKey == '" + review + "' }.reason")).contains("review");
        assertThat(dry.getString("culled.find { it.commentKey == '" + due + "' }.decisionReference"))
                .isEqualTo("KS 2016/0042 § 7 (test)");
        as("archivist").get("/records/{key}", due).then().body("versions[0].text", equalTo("Tack!")); // dry-run changed nothing

        JsonPath run = as("archivist").post("/gallring/run").then().statusCode(200).extract().jsonPath();
        assertThat(keys(run, "culled")).filteredOn(mine::contains).containsExactly(due);
        as("archivist").get("/records/{key}", due).then().statusCode(200)
                .body("versions[0].text", nullValue()).body("versions[0].authorName", nullValue())
                .body("versions[0].rawFragmentBase64", nullValue()).body("versions[0].culledAt", notNullValue())
                .body("versions[0].rawFragmentSha256", notNullValue());
        for (String kept : List.of(recent, heldByCase, heldByRequest, complaint, unclassified, review, question)) {
            as("archivist").get("/records/{key}", kept).then().body("versions[0].text", notNullValue())
                    .body("versions[0].culledAt", nullValue());
        }
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT content IS NULL, culled_at IS NOT NULL FROM evidence_artefact WHERE evidence_id = '" + evidence + "'")) {
            r.next();
            assertThat(r.getBoolean(1)).isTrue();
            assertThat(r.getBoolean(2)).isTrue();
        }

        JsonPath protocol = as("registrar").queryParam("commentKey", due).get("/gallring/protocol").then().statusCode(200)
                .extract().jsonPath();
        assertThat(protocol.getList("rows")).hasSize(1);
        assertThat(protocol.getString("rows[0].decisionReference")).isEqualTo("KS 2016/0042 § 7 (test)");
        assertThat(protocol.getString("rows[0].route")).isEqualTo("TRIVIAL");
        assertThat(protocol.getInt("rows[0].versionsCulled")).isEqualTo(1);
        assertThat(protocol.getInt("rows[0].artefactsCulled")).isEqualTo(1);
        assertThat(protocol.getString("rows[0].executedBy")).contains("archivist");
        assertThat(protocol.getString("rows[0].culledSha256")).hasSize(64);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var culled = probe.readAll(Topics.RECORDS_CULLED).stream().filter(r -> due.equals(r.key())).toList();
            assertThat(culled).hasSize(1);
            RecordCulled event = codec.decode(culled.get(0).value(), RecordCulled.class).payload();
            assertThat(event.culledSha256()).isEqualTo(protocol.getString("rows[0].culledSha256"));
            assertThat(event.decisionReference()).isEqualTo("KS 2016/0042 § 7 (test)");
        });

        // Idempotent: nothing left to cull for the same records.
        JsonPath again = as("archivist").post("/gallring/run").then().statusCode(200).extract().jsonPath();
        assertThat(keys(again, "culled")).filteredOn(mine::contains).isEmpty();

        // Releasing the request's hold (with a reason) lets the next run cull it; the case's hold stays.
        as("registrar").delete("/holds/{id}", holdId).then().statusCode(400).body("error", containsString("reason"));
        as("registrar").queryParam("reason", "request decided, appeal period over").delete("/holds/{id}", holdId)
                .then().statusCode(200).body("releasedBy", equalTo("registrar"));
        as("registrar").queryParam("reason", "again").delete("/holds/{id}", holdId).then().statusCode(409);
        JsonPath third = as("archivist").post("/gallring/run").then().statusCode(200).extract().jsonPath();
        assertThat(keys(third, "culled")).filteredOn(mine::contains).containsExactly(heldByRequest);

        // A hold an open case set cannot be released through the API: closing the case releases it.
        String caseHold = as("moderator").queryParam("commentKey", heldByCase).get("/holds").then().statusCode(200)
                .extract().path("[0].holdId");
        as("archivist").queryParam("reason", "städning").delete("/holds/{id}", caseHold).then().statusCode(409)
                .body("error", containsString("open case"));
        as("archivist").queryParam("commentKey", heldByCase).queryParam("active", "true").get("/holds").then()
                .body("size()", equalTo(1));

        // A hold released through moderation.decisions frees the case's record too.
        decide(heldByCase, DecisionKind.LEGAL_HOLD_RELEASED, "KS 2026/17");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("moderator").queryParam("commentKey", heldByCase).queryParam("active", "true").get("/holds")
                        .then().statusCode(200).body("size()", equalTo(0)));

        // Uncertain never means trivial: the record awaiting review outlived every run so far, and a hold
        // set and released on it changes nothing; only a person's route decision makes it cullable.
        decide(review, DecisionKind.LEGAL_HOLD_SET, "KS 2026/18");
        decide(review, DecisionKind.LEGAL_HOLD_RELEASED, "KS 2026/18");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("moderator").queryParam("commentKey", review).queryParam("active", "false").get("/holds").then()
                        .statusCode(200).body("size()", equalTo(1)));
        JsonPath beforeDecision = as("archivist").post("/gallring/run").then().statusCode(200).extract().jsonPath();
        assertThat(keys(beforeDecision, "culled")).doesNotContain(review);
        assertThat(beforeDecision.getString("kept.find { it.commentKey == '" + review + "' }.reason")).contains("review");
        as("archivist").get("/records/{key}", review).then().body("versions[0].text", equalTo("Kanske trivialt"));

        decideRoute(review, DecisionKind.CONFIRMED, Route.TRIVIAL, Route.TRIVIAL);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(keys(
                as("archivist").get("/gallring/dry-run").then().statusCode(200).extract().jsonPath(), "culled"))
                .contains(review));
        JsonPath afterDecision = as("archivist").post("/gallring/run").then().statusCode(200).extract().jsonPath();
        assertThat(keys(afterDecision, "culled")).filteredOn(mine::contains).containsExactly(review);
        as("archivist").get("/records/{key}", review).then().body("versions[0].text", nullValue());

        JsonPath intact = as("archivist").get("/integrity").then().statusCode(200).extract().jsonPath();
        assertThat(intact.getBoolean("intact")).as(intact.prettify()).isTrue();
    }

    @Test
    void theDatabaseRefusesToCullAHeldRecordWhateverCodePathAsks() throws Exception {
        String key = comment("held-direct", "Hållen text", 40, "TRIVIAL", null, false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("archivist").get("/records/{key}", key).then()
                .statusCode(200));
        as("registrar").contentType(ContentType.JSON).body(Map.of("commentKey", key, "reference", "Dnr 2026/90",
                "reason", "pending request for access")).post("/holds").then().statusCode(201);

        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // Everything a cull needs, as the planner would leave it, but past the planner's check.
            s.executeUpdate("INSERT INTO gallring_protocol (protocol_id, comment_key, route, rule_name, decision_reference,"
                    + " received_at, last_received_at, culled_at, culled_sha256, versions_culled, artefacts_culled,"
                    + " executed_by, event_id) VALUES ('" + UUID.randomUUID() + "', '" + key + "', 'TRIVIAL', 'test',"
                    + " 'KS 2016/0042', now(), now(), now(), 'x', 1, 0, 'test', '" + UUID.randomUUID() + "')");
            s.executeUpdate("INSERT INTO gallring_protocol_item (protocol_id, subject_type, subject_id, content_sha256)"
                    + " SELECT p.protocol_id, 'record_version', v.id::text, record_version_content_sha256(v.text,"
                    + " v.author_id, v.author_name, v.raw_fragment) FROM record_version v JOIN gallring_protocol p"
                    + " ON p.comment_key = v.comment_key WHERE v.comment_key = '" + key + "'");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE record_version SET culled_at = now(), text = NULL,"
                    + " raw_fragment = NULL, author_id = NULL, author_name = NULL WHERE comment_key = '" + key + "'"))
                    .hasMessageContaining("legal hold");
            c.rollback();
        }
        as("archivist").get("/records/{key}", key).then().body("versions[0].text", equalTo("Hållen text"));
    }

    @Test
    void aCrossSiteFormCannotRunGallringWithTheArchivistsCachedCredentials() {
        as("archivist").header("Origin", "https://evil.example").contentType("application/x-www-form-urlencoded")
                .formParam("x", "1").post("/gallring/run").then().statusCode(403);
    }

    @Test
    void noRequestBodyOverOneMebibyteIsTaken() {
        as("registrar").contentType(ContentType.JSON).body(Map.of("commentKey", "web:a:b", "reference", "r",
                "reason", "x".repeat(1024 * 1024 + 1))).post("/holds").then().statusCode(413);
    }

    @Test
    void theIntegrityCheckNamesARowAlteredBehindTheArchivesBack() throws Exception {
        String key = comment("tamper", "Ursprunglig text", 1, null, null, false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("archivist").get("/records/{key}", key).then().statusCode(200));
        JsonPath before = as("archivist").get("/integrity").then().statusCode(200).extract().jsonPath();
        assertThat(before.getBoolean("intact")).as(before.prettify()).isTrue();
        assertThat(before.getLong("entriesChecked")).isGreaterThan(0);

        long id;
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            ResultSet r = s.executeQuery("SELECT id FROM record_version WHERE comment_key = '" + key + "'");
            r.next();
            id = r.getLong(1);
            // The archive's own path refuses it...
            assertThatThrownBy(() -> s.executeUpdate("UPDATE record_version SET text = 'ändrad' WHERE id = " + id))
                    .hasMessageContaining("append-only");
            // ...so the tamperer goes around it, as a superuser could.
            s.execute("ALTER TABLE record_version DISABLE TRIGGER record_version_append_only");
            s.executeUpdate("UPDATE record_version SET text = 'ändrad' WHERE id = " + id);
            s.execute("ALTER TABLE record_version ENABLE TRIGGER record_version_append_only");
        }
        as("archivist").get("/integrity").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBroken.subjectType", equalTo("record_version"))
                .body("firstBroken.subjectId", equalTo(Long.toString(id)))
                .body("firstBroken.problem", containsString("changed"));
        as("registrar").get("/integrity").then().statusCode(403);

        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE record_version DISABLE TRIGGER record_version_append_only");
            s.executeUpdate("UPDATE record_version SET text = 'Ursprunglig text' WHERE id = " + id);
            s.execute("ALTER TABLE record_version ENABLE TRIGGER record_version_append_only");
        }
        as("archivist").get("/integrity").then().statusCode(200).body("intact", equalTo(true));
    }
}
