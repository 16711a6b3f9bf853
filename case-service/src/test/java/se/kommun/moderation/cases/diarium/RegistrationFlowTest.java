package se.kommun.moderation.cases.diarium;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static se.kommun.moderation.cases.desk.DeskFixtures.CODEC;
import static se.kommun.moderation.cases.desk.DeskFixtures.classified;
import static se.kommun.moderation.cases.desk.DeskFixtures.inTransaction;
import static se.kommun.moderation.cases.desk.DeskFixtures.newCommentId;
import static se.kommun.moderation.cases.desk.DeskFixtures.publishClassified;
import static se.kommun.moderation.cases.desk.DeskFixtures.recordsFor;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.cases.diarium.persistence.CaseDocumentEntity;
import se.kommun.moderation.cases.diarium.persistence.CaseEntity;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.ModerationDecided;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TopicProbe;

/** Registration per route, secrecy marking, ongoing cases, the public diary and the audit trail. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "case"))
class RegistrationFlowTest {

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

    private static Optional<CaseEntity> caseOf(String commentKey) {
        return inTransaction(() -> CaseDocumentEntity.<CaseDocumentEntity>findByIdOptional(commentKey)
                .map(d -> (CaseEntity) CaseEntity.findById(d.caseId)));
    }

    @Test
    void aConfidentialCommentGetsASecrecyMarkingAndThePublicDiaryWithholdsIt() {
        EventEnvelope<CommentClassified> secret = classified(newCommentId(), Route.CONFIDENTIAL, "social_services",
                0.95, false, true, "Min dotter är placerad enligt LVU, ring mig");
        publishClassified(probe, secret);
        await().atMost(WAIT).until(() -> caseOf(secret.commentKey()).isPresent());
        CaseEntity registered = caseOf(secret.commentKey()).orElseThrow();
        assertThat(registered.secret).isTrue();
        assertThat(registered.secrecyProvision).isEqualTo("OSL 26:1");
        assertThat(registered.secrecyMarkedOn).isEqualTo(LocalDate.now(ZoneId.of("Europe/Stockholm")));
        assertThat(registered.sender).as("the register keeps the sender internally").isEqualTo("Kalle Karlsson");

        String diary = given().get("/diarium?size=200").then().statusCode(200).extract().asString();
        assertThat(diary).contains(registered.diaryNumber).contains("Sekretessmarkerad handling (OSL 26:1)")
                .doesNotContain("LVU").doesNotContain("placerad");
        List<Map<String, Object>> entries = JsonPath.from(diary).getList("$");
        Map<String, Object> entry = entries.stream().filter(e -> registered.diaryNumber.equals(e.get("diaryNumber")))
                .findFirst().orElseThrow();
        assertThat(entry.get("sender")).isNull();
    }

    private static EventEnvelope<CommentClassified> withFlags(EventEnvelope<CommentClassified> event, Route... flags) {
        CommentClassified p = event.payload();
        return EventEnvelope.wrap(event.eventId(), event.occurredAt(), event.commentKey(), event.producer(),
                new CommentClassified(p.sourceEventId(), p.route(), p.subtype(), List.of(flags), p.confidence(),
                        p.needsResponse(), p.reviewRequired(), p.reasons(), p.ruleSetVersion(), p.comment()));
    }

    private static Map<String, Object> publicEntry(String diaryNumber) {
        List<Map<String, Object>> entries = JsonPath.from(given().get("/diarium?size=200").then().statusCode(200)
                .extract().asString()).getList("$");
        return entries.stream().filter(e -> diaryNumber.equals(e.get("diaryNumber"))).findFirst().orElseThrow();
    }

    @Test
    void thePublicDiaryNamesNoPrivatePersonAndQuotesNoThreat() {
        String threat = "Jag vet var du bor Annika, i kväll bränner jag ner ditt hus";
        EventEnvelope<CommentClassified> criminal = classified(newCommentId(), Route.CRIMINAL, "threat", 0.95, false,
                false, threat);
        EventEnvelope<CommentClassified> complaint = classified(newCommentId(), Route.COMPLAINT, "complaint", 0.9,
                false, true, "Soptunnorna på Sörbyvägen har inte tömts på tre veckor");
        publishClassified(probe, criminal);
        publishClassified(probe, complaint);
        await().atMost(WAIT).until(() -> caseOf(criminal.commentKey()).isPresent()
                && caseOf(complaint.commentKey()).isPresent());

        CaseEntity threatCase = caseOf(criminal.commentKey()).orElseThrow();
        Map<String, Object> threatEntry = publicEntry(threatCase.diaryNumber);
        assertThat(threatEntry.get("sender")).isEqualTo("Privatperson");
        assertThat(threatEntry.get("description")).isEqualTo("Kommentar på Facebook – misstänkt brott");
        Map<String, Object> complaintEntry = publicEntry(caseOf(complaint.commentKey()).orElseThrow().diaryNumber);
        assertThat(complaintEntry.get("sender")).isEqualTo("Privatperson");
        assertThat(complaintEntry.get("description")).isEqualTo("Kommentar på Facebook – synpunkt eller klagomål");
        String diary = given().get("/diarium?size=200").then().statusCode(200).extract().asString();
        assertThat(diary).doesNotContain("Kalle").doesNotContain("Karlsson").doesNotContain("bränner")
                .doesNotContain("Soptunnorna");

        // The registrar's entry keeps what OSL 5:2 asks for in full.
        given().auth().preemptive().basic("registrar", "test-registrar-password").get("/cases/{id}", threatCase.id)
                .then().statusCode(200).body(containsString("Kalle Karlsson")).body(containsString("bränner"));
    }

    @Test
    void aThreatThatAlsoHoldsConfidentialDataIsSecretInThePublicDiary() {
        EventEnvelope<CommentClassified> threat = withFlags(classified(newCommentId(), Route.CRIMINAL, "threat", 0.95,
                false, false, "Du med personnummer 811218-9876 ska få se vad som händer"), Route.CRIMINAL,
                Route.CONFIDENTIAL);
        publishClassified(probe, threat);
        await().atMost(WAIT).until(() -> caseOf(threat.commentKey()).isPresent());
        CaseEntity registered = caseOf(threat.commentKey()).orElseThrow();
        assertThat(registered.secret).isTrue();

        Map<String, Object> entry = publicEntry(registered.diaryNumber);
        assertThat(entry.get("secret")).isEqualTo(true);
        assertThat(entry.get("sender")).isNull();
        assertThat((String) entry.get("description")).startsWith("Sekretessmarkerad handling (");
    }

    @Test
    void aManualEntryShowsAnOrganisationsNameButNeverAPrivatePersons() {
        String privateLetter = given().auth().preemptive().basic("registrar", "test-registrar-password")
                .contentType(ContentType.JSON).body(Map.of("sender", "Eva Ek", "description", "Brev om parkering"))
                .post("/cases").then().statusCode(201).extract().path("diaryNumber");
        String authority = given().auth().preemptive().basic("registrar", "test-registrar-password")
                .contentType(ContentType.JSON).body(Map.of("sender", "Trafikverket", "senderIsOrganisation", true,
                        "description", "Remiss om väg 51"))
                .post("/cases").then().statusCode(201).extract().path("diaryNumber");

        assertThat(publicEntry(privateLetter)).containsEntry("sender", "Privatperson")
                .containsEntry("description", "Brev om parkering");
        assertThat(publicEntry(authority)).containsEntry("sender", "Trafikverket");
        assertThat(given().get("/diarium?size=200").then().extract().asString()).doesNotContain("Eva Ek");
    }

    @Test
    void aComplaintReferringToAnOngoingCaseIsFiledUnderItsNumber() {
        EventEnvelope<CommentClassified> first = classified(newCommentId(), Route.COMPLAINT, "complaint", 0.9, false,
                true, "Snöröjningen på Storgatan är usel");
        publishClassified(probe, first);
        await().atMost(WAIT).until(() -> caseOf(first.commentKey()).isPresent());
        String number = caseOf(first.commentKey()).orElseThrow().diaryNumber;

        String text = "Angående dnr " + number + ": fortfarande inte plogat!";
        int start = text.indexOf("dnr");
        EventEnvelope<CommentClassified> followUp = classified(newCommentId(), Route.COMPLAINT, "ongoing_case", 0.9,
                false, true, text, new Reason("ongoing-case.diary-number", Route.COMPLAINT, "ongoing_case", start,
                        start + 4 + number.length(), 0.9));
        String foreignText = "Se ärende BN 2024/0871, jag väntar fortfarande";
        int foreignStart = foreignText.indexOf("BN");
        EventEnvelope<CommentClassified> foreign = classified(newCommentId(), Route.COMPLAINT, "ongoing_case", 0.9,
                false, true, foreignText, new Reason("ongoing-case.diary-number", Route.COMPLAINT, "ongoing_case",
                        foreignStart, foreignStart + "BN 2024/0871".length(), 0.9));
        publishClassified(probe, followUp);
        publishClassified(probe, foreign);

        await().atMost(WAIT).until(() -> caseOf(followUp.commentKey()).isPresent()
                && caseOf(foreign.commentKey()).isPresent());
        assertThat(caseOf(followUp.commentKey()).orElseThrow().diaryNumber).isEqualTo(number);
        CaseEntity foreignCase = caseOf(foreign.commentKey()).orElseThrow();
        assertThat(foreignCase.diaryNumber).isEqualTo("BN 2024/0871");
        assertThat(foreignCase.issuedHere).isFalse();
        assertThat(foreignCase.seq).as("no number of ours was used").isNull();

        JsonPath detail = given().auth().preemptive().basic("registrar", "test-registrar-password")
                .get("/cases/{id}", caseOf(first.commentKey()).orElseThrow().id).then().statusCode(200).extract()
                .jsonPath();
        assertThat(detail.getList("documents.commentKey")).containsExactlyInAnyOrder(first.commentKey(),
                followUp.commentKey());
        assertThat(detail.getList("audit.action")).contains("registered", "filed in ongoing case");
        assertThat(detail.getList("tasks.kind")).contains("ANSWER");
    }

    @Test
    void closingACaseReleasesItsLegalHoldsAndIsAudited() {
        EventEnvelope<CommentClassified> complaint = classified(newCommentId(), Route.COMPLAINT, "complaint", 0.9,
                false, true, "Klagomål på bygglovshandläggningen");
        publishClassified(probe, complaint);
        await().atMost(WAIT).until(() -> caseOf(complaint.commentKey()).isPresent());
        CaseEntity registered = caseOf(complaint.commentKey()).orElseThrow();

        given().auth().preemptive().basic("moderator", "test-moderator-password").contentType(ContentType.JSON)
                .body(Map.of("reason", "besvarat")).post("/cases/{id}/close", registered.id).then().statusCode(403);
        given().auth().preemptive().basic("registrar", "test-registrar-password").contentType(ContentType.JSON)
                .body(Map.of()).post("/cases/{id}/close", registered.id).then().statusCode(400)
                .body(containsString("reason is required"));
        given().auth().preemptive().basic("registrar", "test-registrar-password").contentType(ContentType.JSON)
                .body(Map.of("reason", "besvarat")).post("/cases/{id}/close", registered.id).then().statusCode(200)
                .body(containsString("CLOSED"));

        await().atMost(WAIT).until(() -> recordsFor(probe, Topics.MODERATION_DECISIONS, complaint.commentKey()).stream()
                .map(r -> CODEC.decode(r.value(), ModerationDecided.class).payload().kind()).toList()
                .equals(List.of(DecisionKind.LEGAL_HOLD_SET, DecisionKind.LEGAL_HOLD_RELEASED)));
        given().auth().preemptive().basic("registrar", "test-registrar-password").get("/cases/{id}", registered.id)
                .then().statusCode(200).body(containsString("besvarat")).body(containsString("\"actor\":\"registrar\""));
    }

    @Test
    void aRegistrarRegistersALetterManuallyAndForwardsIt() {
        String id = given().auth().preemptive().basic("registrar", "test-registrar-password")
                .contentType(ContentType.JSON)
                .body(Map.of("sender", "Eva Ek", "description", "Brev om gatubelysning"))
                .post("/cases").then().statusCode(201).body(containsString("KS ")).extract().path("id");
        given().auth().preemptive().basic("registrar", "test-registrar-password").contentType(ContentType.JSON)
                .body(Map.of("registry", "NOPE", "description", "x")).post("/cases").then().statusCode(400)
                .body(containsString("unknown registry"));
        given().auth().preemptive().basic("moderator", "test-moderator-password").contentType(ContentType.JSON)
                .body(Map.of("sender", "x", "description", "y")).post("/cases").then().statusCode(403);
        given().auth().preemptive().basic("moderator", "test-moderator-password").contentType(ContentType.JSON)
                .body(Map.of("assignee", "gatuchefen", "note", "ditt område")).post("/cases/{id}/forward", id).then()
                .statusCode(201).body(containsString("FORWARD")).body(containsString("gatuchefen"));
        given().auth().preemptive().basic("moderator", "test-moderator-password").get("/tasks?kind=forward").then()
                .statusCode(200).body(containsString("gatuchefen"));
        given().auth().preemptive().basic("moderator", "test-moderator-password").get("/tasks?kind=nonsense").then()
                .statusCode(400).body(containsString("kind must be one of"));
        given().get("/diarium").then().statusCode(200).body(containsString("Brev om gatubelysning"))
                .body(not(containsString("manual:")));
    }

    @Test
    void noRequestBodyOverOneMebibyteIsTaken() {
        given().auth().preemptive().basic("registrar", "test-registrar-password").contentType(ContentType.JSON)
                .body(Map.of("sender", "Eva Ek", "description", "x".repeat(1024 * 1024 + 1))).post("/cases").then()
                .statusCode(413);
    }

    @Test
    void aCommentHoldingANulCharacterIsRegistered() {
        EventEnvelope<CommentClassified> complaint = classified(newCommentId(), Route.COMPLAINT, "complaint", 0.9,
                false, true, "Snöröjningen\u0000 på Storgatan är usel");
        publishClassified(probe, complaint);
        await().atMost(WAIT).until(() -> caseOf(complaint.commentKey()).isPresent());
        assertThat(caseOf(complaint.commentKey()).orElseThrow().description).contains("Snöröjningen\uFFFD på");
        assertThat(probe.readAll(Topics.deadLetterOf(Topics.COMMENTS_CLASSIFIED)))
                .noneMatch(r -> complaint.commentKey().equals(r.key()));
    }
}
