package se.kommun.moderation.archive.evidence.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.archive.evidence.browser.FakePagesResource;
import se.kommun.moderation.archive.evidence.browser.FakePlatformPages;
import se.kommun.moderation.archive.evidence.domain.PdfaAssertions;
import se.kommun.moderation.archive.records.domain.RawIntegrity;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.ClassifiedComment;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EvidenceArtefact;
import se.kommun.moderation.events.EvidenceCaptured;
import se.kommun.moderation.events.EvidenceKind;
import se.kommun.moderation.events.ModerationDecided;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.RawPayload;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.messaging.deadletter.DeadLetterHeaders;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TestDatabase;
import se.kommun.moderation.testkit.TopicProbe;

/**
 * comments.classified → evidence (real headless Chromium against a fake platform page server, and
 * a PDF/A rendition checked by veraPDF) → evidence.captured, on a real broker and database.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "archive"))
@WithTestResource(FakePagesResource.class)
public class EvidenceCaptureTest {

    static final String ACCOUNT = "page-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Duration CAPTURE = Duration.ofSeconds(90);

    static FakePlatformPages pages;
    /** Not on any allow-list: whatever it is asked, the egress filter let through. */
    static FakePlatformPages outside;
    private final EventCodec codec = EventCodec.instance();
    KafkaBroker broker;
    TestDatabase database;
    private TopicProbe probe;

    @BeforeAll
    static void startPages() {
        pages = FakePagesResource.pages();
        outside = new FakePlatformPages();
    }

    @AfterAll
    static void stopPages() {
        outside.close();
    }

    @BeforeEach
    void openProbe() {
        probe = new TopicProbe(broker);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    static EventEnvelope<CommentReceived> received(String commentId, String postId, String parentId, String text,
            String permalink) {
        return received(Platform.FACEBOOK, ACCOUNT, commentId, postId, parentId, text, permalink);
    }

    static EventEnvelope<CommentReceived> received(Platform platform, String account, String commentId, String postId,
            String parentId, String text, String permalink) {
        byte[] raw = ("{\"id\":\"" + commentId + "\",\"message\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
        String sha = RawIntegrity.sha256Hex(raw);
        CommentReceived payload = new CommentReceived(platform, account, commentId, postId, parentId,
                new Author("u-" + commentId, "Anna Andersson"), text, List.of(), permalink,
                Instant.parse("2026-11-29T09:59:00Z"), Instant.now(), Verb.ADDED, "fb:" + commentId + ":" + sha,
                new RawPayload(sha, "application/json", raw, sha));
        return EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), payload.commentKey().toString(), "test", payload);
    }

    public static EventEnvelope<CommentClassified> classified(EventEnvelope<CommentReceived> received, Route route) {
        CommentReceived c = received.payload();
        CommentClassified payload = new CommentClassified(received.eventId(), route, "test-subtype", List.of(), 0.93,
                false, false, List.of(new Reason("test", route, "test-subtype", 0, 1, 1.0)), "rules-test",
                new ClassifiedComment(c.platform(), c.accountId(), c.commentId(), c.author(), c.text(), c.permalink(),
                        c.receivedAt(), c.verb()));
        return EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), received.commentKey(), "test", payload);
    }

    private void publish(String topic, EventEnvelope<?> event) {
        probe.send(topic, event.commentKey(), codec.encode(event));
    }

    private List<EventEnvelope<EvidenceCaptured>> captured(String commentKey) {
        return probe.readAll(Topics.EVIDENCE_CAPTURED).stream()
                .filter(r -> commentKey.equals(r.key()))
                .map(ConsumerRecord::value)
                .map(json -> codec.decode(json, EvidenceCaptured.class))
                .toList();
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

    private static io.restassured.specification.RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password);
    }

    private static io.restassured.specification.RequestSpecification archivist() {
        return as("archivist", "test-archivist-password");
    }

    @Test
    void aConfidentialCommentGetsAScreenshotAndAPdfaBeforeEvidenceCapturedIsSent() throws Exception {
        String id = "c-" + UUID.randomUUID();
        String post = "p-" + UUID.randomUUID();
        EventEnvelope<CommentReceived> comment = received(id, post, null,
                "Mitt personnummer är 811218-9876, ring mig om min son", pages.url("/comment/" + id + "?height=2000"));
        EventEnvelope<CommentReceived> reply = received("c-" + UUID.randomUUID(), post, id,
                "Ett svar i samma tråd", pages.url("/comment/reply"));
        EventEnvelope<CommentClassified> verdict = classified(comment, Route.CONFIDENTIAL);
        String key = comment.commentKey();

        // The classification overtakes the record (they travel on different topics), and comes twice.
        publish(Topics.COMMENTS_CLASSIFIED, verdict);
        publish(Topics.COMMENTS_CLASSIFIED, verdict);
        publish(Topics.COMMENTS_RECEIVED, reply);
        publish(Topics.COMMENTS_RECEIVED, comment);

        await().atMost(CAPTURE).until(() -> !captured(key).isEmpty());
        EventEnvelope<EvidenceCaptured> event = captured(key).get(0);
        assertThat(event.producer()).isEqualTo("archive-service");
        assertThat(event.payload().sourceEventId()).isEqualTo(verdict.eventId());
        assertThat(event.payload().missing()).isEmpty();
        assertThat(event.payload().artefacts()).extracting(EvidenceArtefact::kind)
                .containsExactlyInAnyOrder(EvidenceKind.SCREENSHOT_PNG, EvidenceKind.PDFA_RENDITION);

        JsonPath list = archivist().get("/records/{k}/evidence", key).then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("bundles")).hasSize(1);
        assertThat(list.getString("bundles[0].bundleId")).isEqualTo(event.payload().bundleId().toString());
        for (EvidenceArtefact artefact : event.payload().artefacts()) {
            Response download = archivist().get("/evidence/{id}", artefact.evidenceId());
            download.then().statusCode(200);
            byte[] bytes = download.asByteArray();
            assertThat(RawIntegrity.sha256Hex(bytes)).isEqualTo(artefact.sha256())
                    .isEqualTo(download.header("X-Content-SHA256"));
            assertThat((long) bytes.length).isEqualTo(artefact.sizeBytes());
            assertThat(list.getList("bundles[0].artefacts.sha256", String.class)).contains(artefact.sha256());
            if (artefact.kind() == EvidenceKind.SCREENSHOT_PNG) {
                assertThat(artefact.mediaType()).isEqualTo("image/png");
                BufferedImage png = ImageIO.read(new ByteArrayInputStream(bytes));
                assertThat(png.getHeight()).as("full page, not just the window").isGreaterThan(2000);
            } else {
                assertThat(artefact.mediaType()).isEqualTo("application/pdf");
                PdfaAssertions.assertPdfA2b(bytes);
                assertThat(PdfaAssertions.text(bytes)).contains("811218-9876", "Ett svar i samma tråd", key);
            }
        }
        assertThat(pages.requests()).isPositive();

        // The duplicate classification changed nothing: one request, one bundle, one event.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("SELECT count(*) FROM evidence_request WHERE comment_key = ?", key)).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM evidence_bundle WHERE comment_key = ?", key)).isEqualTo(1);
            assertThat(captured(key)).hasSize(1);
        });
        assertThat(count("SELECT count(*) FROM record_classification WHERE comment_key = ? AND route = 'CONFIDENTIAL'",
                key)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM evidence_outbox WHERE comment_key = ? AND published_at IS NOT NULL",
                key)).isEqualTo(1);
    }

    @Test
    void anUnreachablePermalinkStillGivesThePdfaAndSaysWhy() {
        EventEnvelope<CommentReceived> comment = received("c-" + UUID.randomUUID(), null, null,
                "Ni ska få se vad som händer", FakePagesResource.unreachableUrl());
        publish(Topics.COMMENTS_RECEIVED, comment);
        publish(Topics.COMMENTS_CLASSIFIED, classified(comment, Route.CRIMINAL));

        await().atMost(CAPTURE).until(() -> !captured(comment.commentKey()).isEmpty());
        EvidenceCaptured event = captured(comment.commentKey()).get(0).payload();
        assertThat(event.artefacts()).extracting(EvidenceArtefact::kind).containsExactly(EvidenceKind.PDFA_RENDITION);
        assertThat(event.missing()).singleElement().asString()
                .startsWith("SCREENSHOT_PNG: the permalink could not be reached")
                .contains("ERR_CONNECTION_REFUSED");
        archivist().get("/records/{k}/evidence", comment.commentKey()).then().statusCode(200)
                .body("bundles[0].missing[0]", org.hamcrest.Matchers.startsWith("SCREENSHOT_PNG"));
    }

    @Test
    void aPermalinkToALoopbackPageThatIsNotAllowListedIsNotOpenedAndTheBundleSaysWhy() {
        EventEnvelope<CommentReceived> comment = received("c-" + UUID.randomUUID(), null, null,
                "Jag vet var du bor", outside.url("/comment/admin"));
        publish(Topics.COMMENTS_RECEIVED, comment);
        publish(Topics.COMMENTS_CLASSIFIED, classified(comment, Route.CRIMINAL));

        await().atMost(CAPTURE).until(() -> !captured(comment.commentKey()).isEmpty());
        EvidenceCaptured event = captured(comment.commentKey()).get(0).payload();
        assertThat(event.artefacts()).extracting(EvidenceArtefact::kind).containsExactly(EvidenceKind.PDFA_RENDITION);
        assertThat(event.missing()).containsExactly(
                "SCREENSHOT_PNG: the permalink's host 127.0.0.1 is not a public address (loopback); not opened");
        assertThat(outside.requests()).as("the page server that is not allow-listed was never asked").isZero();
    }

    @Test
    void aWebCommentIsCapturedFromItsAccountsOwnSite() {
        EventEnvelope<CommentReceived> onSite = received(Platform.WEB, FakePagesResource.WEB_ACCOUNT,
                "c-" + UUID.randomUUID(), null, null, "Mitt personnummer är 811218-9876", pages.url("/comment/on-site"));
        EventEnvelope<CommentReceived> elsewhere = received(Platform.WEB, "another-site", "c-" + UUID.randomUUID(),
                null, null, "Mitt personnummer är 811218-9876", pages.url("/comment/elsewhere"));
        for (EventEnvelope<CommentReceived> comment : List.of(onSite, elsewhere)) {
            publish(Topics.COMMENTS_RECEIVED, comment);
            publish(Topics.COMMENTS_CLASSIFIED, classified(comment, Route.CONFIDENTIAL));
        }

        await().atMost(CAPTURE).until(() -> !captured(onSite.commentKey()).isEmpty()
                && !captured(elsewhere.commentKey()).isEmpty());
        EvidenceCaptured captured = captured(onSite.commentKey()).get(0).payload();
        assertThat(captured.missing()).isEmpty();
        assertThat(captured.artefacts()).extracting(EvidenceArtefact::kind)
                .containsExactlyInAnyOrder(EvidenceKind.SCREENSHOT_PNG, EvidenceKind.PDFA_RENDITION);
        // The same page, but the other account has no hosts: the loopback address is refused first.
        assertThat(captured(elsewhere.commentKey()).get(0).payload().missing()).containsExactly(
                "SCREENSHOT_PNG: the permalink's host 127.0.0.1 is not a public address (loopback); not opened");
    }

    @Test
    void aTrivialCommentIsClassifiedButGetsNoEvidence() throws Exception {
        EventEnvelope<CommentReceived> comment = received("c-" + UUID.randomUUID(), null, null, "Tack!",
                pages.url("/comment/thanks"));
        publish(Topics.COMMENTS_RECEIVED, comment);
        publish(Topics.COMMENTS_CLASSIFIED, classified(comment, Route.TRIVIAL));

        String key = comment.commentKey();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) FROM record_classification WHERE comment_key = ? AND route = 'TRIVIAL'", key) == 1);
        assertThat(count("SELECT count(*) FROM evidence_request WHERE comment_key = ?", key)).isZero();
    }

    @Test
    void aModeratorsEscalationIntoTheRemovalLaneGetsEvidenceOnce() throws Exception {
        EventEnvelope<CommentReceived> comment = received("c-" + UUID.randomUUID(), null, null,
                "Vi ses vid ditt hus ikväll, ta med familjen", pages.url("/comment/missed-threat"));
        EventEnvelope<CommentClassified> trivial = classified(comment, Route.TRIVIAL);
        publish(Topics.COMMENTS_RECEIVED, comment);
        publish(Topics.COMMENTS_CLASSIFIED, trivial);
        String key = comment.commentKey();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) FROM record_classification WHERE comment_key = ? AND route = 'TRIVIAL'", key) == 1);

        ModerationDecided override = new ModerationDecided(UUID.randomUUID(), DecisionKind.OVERRIDDEN,
                trivial.eventId(), Route.TRIVIAL, "test-subtype", List.of("test"), "rules-test", Route.CRIMINAL,
                "threat", null, "veiled threat", "moderator", Instant.now());
        EventEnvelope<ModerationDecided> decision = EventEnvelope.wrap(UUID.randomUUID(), Instant.now(), key,
                "case-service", override);
        publish(Topics.MODERATION_DECISIONS, decision);
        publish(Topics.MODERATION_DECISIONS, decision);

        await().atMost(CAPTURE).until(() -> !captured(key).isEmpty());
        EvidenceCaptured event = captured(key).get(0).payload();
        assertThat(event.artefacts()).extracting(EvidenceArtefact::kind)
                .containsExactlyInAnyOrder(EvidenceKind.SCREENSHOT_PNG, EvidenceKind.PDFA_RENDITION);
        assertThat(count("SELECT count(*) FROM evidence_request WHERE comment_key = ?", key))
                .as("the redelivered decision queued nothing more").isEqualTo(1);
    }

    @Test
    void evidenceOnRequestAndThePdfExportNeedARole() {
        EventEnvelope<CommentReceived> comment = received("c-" + UUID.randomUUID(), null, null,
                "En fråga om snöröjningen", pages.url("/comment/asked"));
        publish(Topics.COMMENTS_RECEIVED, comment);
        String key = comment.commentKey();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> archivist().get("/records/{k}", key).then().statusCode(200));

        given().post("/records/{k}/evidence", key).then().statusCode(401);
        as("citizen", "test-citizen-password").post("/records/{k}/evidence", key).then().statusCode(403);
        as("citizen", "test-citizen-password").get("/records/{k}/pdf", key).then().statusCode(403);
        archivist().post("/records/{k}/evidence", "facebook:" + ACCOUNT + ":nothing-here").then().statusCode(404);

        String requestId = as("evidence-moderator", "test-moderator-password").post("/records/{k}/evidence", key)
                .then().statusCode(202).extract().path("requestId");
        await().atMost(CAPTURE).until(() -> !captured(key).isEmpty());
        EvidenceCaptured event = captured(key).get(0).payload();
        assertThat(event.sourceEventId()).isNull();
        assertThat(event.missing()).isEmpty();
        archivist().get("/records/{k}/evidence", key).then().statusCode(200)
                .body("bundles[0].requestedBy", org.hamcrest.Matchers.equalTo("api:evidence-moderator"))
                .body("open.size()", org.hamcrest.Matchers.equalTo(0));
        assertThat(requestId).isNotBlank();

        byte[] pdf = as("evidence-registrar", "test-registrar-password").get("/records/{k}/pdf", key)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        PdfaAssertions.assertPdfA2b(pdf);
        assertThat(PdfaAssertions.text(pdf)).contains("En fråga om snöröjningen");

        archivist().get("/evidence/{id}", UUID.randomUUID()).then().statusCode(404);
        given().get("/evidence/{id}", event.artefacts().get(0).evidenceId()).then().statusCode(401);
        archivist().get("/records/{k}/pdf", "facebook:" + ACCOUNT + ":nothing-here").then().statusCode(404);
    }

    @Test
    void anUnreadableClassificationIsDeadLettered() {
        String key = "facebook:" + ACCOUNT + ":c-" + UUID.randomUUID();
        probe.send(Topics.COMMENTS_CLASSIFIED, key, "{\"type\":\"CommentClassified\",\"version\":1}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(probe.readAll(Topics.deadLetterOf(Topics.COMMENTS_CLASSIFIED)))
                        .anySatisfy(r -> {
                            assertThat(r.key()).isEqualTo(key);
                            assertThat(new String(r.headers().lastHeader(DeadLetterHeaders.REASON).value(),
                                    StandardCharsets.UTF_8)).isNotBlank();
                        }));
    }
}
