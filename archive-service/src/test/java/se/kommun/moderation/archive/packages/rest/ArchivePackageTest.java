package se.kommun.moderation.archive.packages.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.archive.evidence.browser.FakePagesResource;
import se.kommun.moderation.archive.evidence.browser.FakePlatformPages;
import se.kommun.moderation.archive.evidence.messaging.EvidenceCaptureTest;
import se.kommun.moderation.archive.packages.domain.SipChecks;
import se.kommun.moderation.archive.packages.scheduling.PackageSchedule;
import se.kommun.moderation.archive.records.domain.RawIntegrity;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.RawPayload;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TestDatabase;
import se.kommun.moderation.testkit.TopicProbe;

/** POST /packages and the schedule build E-ARK SIPs from the real records store; the zip passes SipChecks. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "archive"))
@WithTestResource(FakePagesResource.class)
class ArchivePackageTest {

    static FakePlatformPages pages;
    private final EventCodec codec = EventCodec.instance();
    KafkaBroker broker;
    TestDatabase database;
    private TopicProbe probe;

    @Inject
    PackageSchedule schedule;

    @BeforeAll
    static void findPages() {
        // Started with the service, so that its allow-list names the server's address and port.
        pages = FakePagesResource.pages();
    }

    @BeforeEach
    void openProbe() {
        probe = new TopicProbe(broker);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    private EventEnvelope<CommentReceived> publish(String account, String commentId, String post, String parent,
            String text, Instant receivedAt) {
        byte[] raw = ("{\"id\":\"" + commentId + "\",\"message\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
        String sha = RawIntegrity.sha256Hex(raw);
        CommentReceived payload = new CommentReceived(Platform.FACEBOOK, account, commentId, post, parent,
                new Author("u-1", "Karin Berg"), text, List.of(), pages.url("/comment/" + commentId), receivedAt,
                receivedAt, Verb.ADDED, "fb:" + commentId + ":" + sha,
                new RawPayload(sha, "application/json", raw, sha));
        EventEnvelope<CommentReceived> event = EventEnvelope.wrap(UUID.randomUUID(), Instant.now(),
                payload.commentKey().toString(), "test", payload);
        probe.send(Topics.COMMENTS_RECEIVED, event.commentKey(), codec.encode(event));
        return event;
    }

    private long count(String sql, String commentKey) throws Exception {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, commentKey);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static RequestSpecification archivist() {
        return given().auth().preemptive().basic("archivist", "test-archivist-password");
    }

    private void awaitStored(String key) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> archivist().get("/records/{k}", key)
                .then().statusCode(200));
    }

    @Test
    void anOnDemandPackageForOneAccountAndHalfYearPassesTheChecks() throws Exception {
        String account = "page-" + UUID.randomUUID().toString().substring(0, 8);
        Instant inPeriod = Instant.parse("2026-09-15T08:00:00Z");
        EventEnvelope<CommentReceived> a = publish(account, "c-1", "p-1", null, "Hej kommunen", inPeriod);
        EventEnvelope<CommentReceived> b = publish(account, "c-2", "p-1", "c-1", "Ett svar", inPeriod.plusSeconds(60));
        EventEnvelope<CommentReceived> c = publish(account, "c-3", "p-2", null, "Annan tråd", inPeriod.plusSeconds(120));
        EventEnvelope<CommentReceived> earlier = publish(account, "c-0", "p-0", null, "Förra halvåret",
                Instant.parse("2026-03-01T08:00:00Z"));
        EventEnvelope<CommentReceived> culled = publish(account, "c-4", "p-3", null, "Tack för svaret",
                inPeriod.plusSeconds(180));
        for (EventEnvelope<CommentReceived> e : List.of(a, b, c, earlier, culled)) {
            awaitStored(e.commentKey());
        }
        // A trivial comment older than the culling decision allows is culled (part B's gallring): the
        // package carries only what has not been culled.
        probe.send(Topics.COMMENTS_CLASSIFIED, culled.commentKey(),
                codec.encode(EvidenceCaptureTest.classified(culled, Route.TRIVIAL)));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM record_classification WHERE comment_key = ? AND route = 'TRIVIAL'",
                culled.commentKey()) == 1);
        archivist().post("/gallring/run").then().statusCode(200);
        assertThat(count("SELECT count(*) FROM record_version WHERE comment_key = ? AND culled_at IS NOT NULL",
                culled.commentKey())).isEqualTo(1);
        // Evidence captured in the period goes along, as a second representation.
        archivist().post("/records/{k}/evidence", a.commentKey()).then().statusCode(202);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> archivist().get("/records/{k}/evidence", a.commentKey())
                .then().statusCode(200).body("bundles.size()", org.hamcrest.Matchers.equalTo(1)));

        JsonPath created = archivist().contentType(ContentType.JSON)
                .body(Map.of("platform", "facebook", "accountId", account, "period", "2026-H2"))
                .post("/packages").then().statusCode(201).extract().jsonPath();
        assertThat(created.getInt("records")).isEqualTo(3);
        assertThat(created.getInt("threads")).isEqualTo(2);
        assertThat(created.getInt("evidence")).isEqualTo(2);
        assertThat(created.getString("trigger")).isEqualTo("ON_DEMAND");
        assertThat(created.getString("requestedBy")).isEqualTo("archivist");

        Response download = archivist().get(created.getString("href"));
        download.then().statusCode(200).contentType("application/zip");
        byte[] zip = download.asByteArray();
        assertThat(RawIntegrity.sha256Hex(zip)).isEqualTo(created.getString("sha256"))
                .isEqualTo(download.header("X-Content-SHA256"));
        SipChecks.check(zip, created.getString("objid"));
        Map<String, byte[]> files = SipChecks.unzip(zip, created.getString("objid"));
        assertThat(files.keySet()).filteredOn(k -> k.contains("/originals/")).hasSize(3);
        assertThat(files.keySet()).filteredOn(k -> k.startsWith("representations/rep2/data/evidence/")).hasSize(2);
        assertThat(new String(files.get("representations/rep1/data/records.json"), StandardCharsets.UTF_8))
                .contains("Hej kommunen", "Ett svar", "Annan tråd").doesNotContain("Förra halvåret")
                .doesNotContain(culled.commentKey());

        archivist().queryParam("platform", "facebook").queryParam("accountId", account).get("/packages")
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(1))
                .body("[0].packageId", org.hamcrest.Matchers.equalTo(created.getString("packageId")));
    }

    @Test
    void theScheduleDeliversTheEndedHalfYearOncePerAccount() {
        String account = "page-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope<CommentReceived> a = publish(account, "c-1", "p-1", null, "Hej", Instant.parse("2026-10-01T08:00:00Z"));
        awaitStored(a.commentKey());

        // As if it were 02:00 on 2 January 2027: the half-year 2026-H2 has ended.
        assertThat(schedule.deliverEndedHalfYear(Instant.parse("2027-01-02T01:00:00Z"))).isPositive();
        List<Map<String, Object>> delivered = archivist().queryParam("platform", "facebook")
                .queryParam("accountId", account).get("/packages").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(delivered).singleElement().satisfies(p -> {
            assertThat(p.get("trigger")).isEqualTo("SCHEDULED");
            assertThat(p.get("period")).isEqualTo("2026-H2");
            assertThat(p.get("requestedBy")).isEqualTo("scheduler");
        });
        // A second run (a restart, another instance) delivers nothing again.
        assertThat(schedule.deliverEndedHalfYear(Instant.parse("2027-01-02T01:05:00Z"))).isZero();
    }

    @Test
    void packagesAreForArchivistsAndAskForAValidPeriod() {
        given().contentType(ContentType.JSON).body(Map.of("platform", "facebook", "accountId", "x", "period", "2026-H2"))
                .post("/packages").then().statusCode(401);
        given().auth().preemptive().basic("evidence-moderator", "test-moderator-password").contentType(ContentType.JSON)
                .body(Map.of("platform", "facebook", "accountId", "x", "period", "2026-H2"))
                .post("/packages").then().statusCode(403);
        archivist().contentType(ContentType.JSON).body(Map.of("platform", "facebook", "accountId", "x", "period", "2026"))
                .post("/packages").then().statusCode(400);
        archivist().contentType(ContentType.JSON)
                .body(Map.of("platform", "facebook", "accountId", "nobody-" + UUID.randomUUID(), "period", "2026-H2"))
                .post("/packages").then().statusCode(422);
        archivist().get("/packages/{id}", UUID.randomUUID()).then().statusCode(404);
    }
}
