package se.kommun.moderation.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.CommandOutcome;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EvidenceArtefact;
import se.kommun.moderation.events.EvidenceCaptured;
import se.kommun.moderation.events.EvidenceKind;
import se.kommun.moderation.events.PlatformCommandCompleted;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.TestDatabase;
import se.kommun.moderation.testkit.TopicProbe;

/**
 * The walking skeleton across all four services, each its own JVM from its packaged jar, over a
 * real Kafka broker and real PostgreSQL databases (fresh for the run).
 */
class PipelineIT {

    private static final String ACCOUNT = "e2e-site";
    private static final String SECRET = "e2e-" + UUID.randomUUID();
    private static final String USER = "e2e-moderator";
    private static final String PASSWORD = UUID.randomUUID().toString();
    private static final String PAGE = "1029384756";
    private static final String APP_SECRET = "meta-" + UUID.randomUUID();
    private static final String PAGE_TOKEN = "page-token-" + UUID.randomUUID();

    /** The fake Graph API on loopback: the only stand-in in this test (Meta's servers are external). */
    private static WireMockServer graph;

    private static KafkaBroker broker;
    private static final List<TestDatabase> databases = new ArrayList<>();
    private static TestDatabase caseDb;
    private static TestDatabase archiveDb;
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ServiceProcess ingest;
    private static ServiceProcess cases;
    private static ServiceProcess archive;

    @BeforeAll
    static void startThePipeline() throws Exception {
        long started = System.nanoTime();
        broker = KafkaBroker.forThisRun();
        E2eKafka.createTopics(broker);
        caseDb = TestDatabase.create("e2e_case");
        archiveDb = TestDatabase.create("e2e_archive");
        Path root = Path.of(System.getProperty("repo.root", ".."));

        Map<String, String> common = new HashMap<>(broker.serviceConfig());
        common.put("quarkus.security.users.embedded.users." + USER, PASSWORD);
        common.put("quarkus.security.users.embedded.roles." + USER, "moderator,registrar,archivist,admin");

        graph = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        graph.start();
        graph.stubFor(WireMock.post(WireMock.urlPathMatching("/v23.0/.+"))
                .willReturn(WireMock.okJson("{\"success\":true}")));
        // The comment's page on "facebook.com", for the archive's screenshot.
        graph.stubFor(WireMock.get(WireMock.urlPathMatching("/fb/.+")).willReturn(WireMock.aResponse()
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html><body><h1>Kommunens sida</h1>"
                        + "<p class=comment>Anonym: Jag ska döda dig, jag vet var du bor.</p></body></html>")));

        Map<String, String> ingestConfig = new HashMap<>(common);
        ingestConfig.put("ingest.secrets." + ACCOUNT, SECRET);
        ingestConfig.put("ingest.meta.app-secret", APP_SECRET);
        ingestConfig.put("ingest.secrets.fb-page", PAGE_TOKEN);
        ingestConfig.put("ingest.commands.facebook.base-url", graph.baseUrl() + "/v23.0");
        ingestConfig.put("ingest.meta.permalink-base", graph.baseUrl() + "/fb");
        TestDatabase ingestDb = TestDatabase.create("e2e_ingest");
        databases.add(ingestDb);
        ingestConfig.putAll(ingestDb.quarkusConfig());
        Map<String, String> caseConfig = new HashMap<>(common);
        caseConfig.putAll(caseDb.quarkusConfig());
        Map<String, String> archiveConfig = new HashMap<>(common);
        archiveConfig.putAll(archiveDb.quarkusConfig());
        // The screenshot browser may only open allow-listed hosts, and a loopback address only by
        // its exact host and port: the fake "facebook.com" page (WireMock names itself localhost in
        // its base URL, which the permalinks use), and the web account's own site.
        URI pageServer = URI.create(graph.baseUrl());
        archiveConfig.put("archive.evidence.hosts.platform.\"facebook\"", pageServer.getHost() + ":" + pageServer.getPort());
        archiveConfig.put("archive.evidence.hosts.account.\"" + ACCOUNT + "\"", "www.orebro.se");

        ingest = launch(root, "ingest-service", ingestConfig);
        Map<String, String> classificationConfig = new HashMap<>(common);
        TestDatabase classificationDb = TestDatabase.create("e2e_classification");
        databases.add(classificationDb);
        classificationConfig.putAll(classificationDb.quarkusConfig());
        launch(root, "classification-service", classificationConfig);
        cases = launch(root, "case-service", caseConfig);
        archive = launch(root, "archive-service", archiveConfig);
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofSeconds(120));
        }
        openAccount("web", ACCOUNT, "Kommunens webbplats", ACCOUNT);
        openAccount("facebook", PAGE, "Kommunens Facebooksida", "fb-page");
        System.out.printf("[e2e] broker, databases and four services ready in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** An account is registered and opened as an administrator would, checklist and all. */
    private static void openAccount(String platform, String externalId, String name, String secretRef) {
        String id = given().baseUri(ingest.baseUrl()).auth().preemptive().basic(USER, PASSWORD)
                .contentType("application/json")
                .body(Map.of("platform", platform, "externalId", externalId, "name", name,
                        "owningUnit", "Kommunikationsavdelningen", "secretRef", secretRef,
                        "responsible", List.of("Anna Andersson", "Bo Berg")))
                .post("/accounts").then().statusCode(201).extract().path("id");
        for (String item : List.of("SYFTE", "MAL", "BUDSKAP", "MALGRUPP", "KANAL", "TYP_AV_KONTO", "AVTAL",
                "FUNKTION_OCH_TEKNIK", "RESURSER", "BEVAKNING", "AVSANDARE", "RISKER",
                "DIARIEFORING_GALLRING_ARKIVERING", "KRISKOMMUNIKATION", "MARKNADSFORING", "INFORMATIONSKRAV",
                "MEDDELA_INFOAVDELNINGEN")) {
            given().baseUri(ingest.baseUrl()).auth().preemptive().basic(USER, PASSWORD)
                    .put("/accounts/" + id + "/checklist/" + item).then().statusCode(200);
        }
        given().baseUri(ingest.baseUrl()).auth().preemptive().basic(USER, PASSWORD)
                .post("/accounts/" + id + "/activate").then().statusCode(200);
    }

    private static ServiceProcess launch(Path root, String module, Map<String, String> config) throws IOException {
        ServiceProcess service = ServiceProcess.start(root, module, E2eKafka.freePort(), config);
        services.add(service);
        return service;
    }

    @AfterAll
    static void stopThePipeline() {
        services.forEach(ServiceProcess::close);
        if (caseDb != null) {
            caseDb.close();
        }
        if (archiveDb != null) {
            archiveDb.close();
        }
        databases.forEach(TestDatabase::close);
        if (graph != null) {
            graph.stop();
        }
    }

    private static String signature(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static byte[] body(String id, String text) {
        return ("{\"id\":\"" + id + "\",\"author\":\"Medborgare\",\"text\":\"" + text
                + "\",\"url\":\"https://www.orebro.se/nyheter/1#" + id + "\",\"createdAt\":\"2026-11-29T10:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static int post(String secret, byte[] body) throws Exception {
        return given().baseUri(ingest.baseUrl()).contentType("application/json")
                .header("X-Signature-256", signature(secret, body)).body(body)
                .post("/webhooks/web/" + ACCOUNT).statusCode();
    }

    private static JsonPath casesList() {
        return given().baseUri(cases.baseUrl()).auth().preemptive().basic(USER, PASSWORD)
                .get("/cases?size=500").then().statusCode(200).extract().jsonPath();
    }

    private static int archivedVersions(String commentKey) {
        var response = given().baseUri(archive.baseUrl()).auth().preemptive().basic(USER, PASSWORD)
                .get("/records/{key}", commentKey);
        return response.statusCode() == 404 ? 0 : response.then().statusCode(200).extract().path("versions.size()");
    }

    @Test
    void signedCommentsAreArchivedOnceAndRegisteredPerRoute() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> expectedRoute = new LinkedHashMap<>();
        expectedRoute.put("conf-1-" + run, "Hej, mitt personnummer är 811218-9876, kan ni ringa mig?");
        expectedRoute.put("conf-2-" + run, "Min dotter 20200314-5626 har inte fått plats");
        expectedRoute.put("comp-1-" + run, "Jag vill lämna ett klagomål på snöröjningen på Storgatan");
        expectedRoute.put("comp-2-" + run, "Hur går det med mitt ärende KS 2026/17?");
        expectedRoute.put("triv-1-" + run, "Tack för en fin konsert i parken!");
        expectedRoute.put("triv-2-" + run, "Vilka tider har biblioteket öppet?");
        expectedRoute.put("triv-3-" + run, "👍👍");

        long posted = System.nanoTime();
        for (Map.Entry<String, String> comment : expectedRoute.entrySet()) {
            assertThat(post(SECRET, body(comment.getKey(), comment.getValue()))).isEqualTo(202);
        }
        // The same delivery again (a platform retry) must change nothing.
        assertThat(post(SECRET, body("comp-1-" + run, expectedRoute.get("comp-1-" + run)))).isEqualTo(202);

        List<String> registered = List.of("conf-1-" + run, "conf-2-" + run, "comp-1-" + run, "comp-2-" + run);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> keys = casesList().getList("commentKey");
            assertThat(keys).containsAll(registered.stream().map(id -> "web:" + ACCOUNT + ":" + id).toList());
        });
        System.out.printf("[e2e] 8 signed posts → all 4 cases visible at GET /cases in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - posted));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String id : expectedRoute.keySet()) {
                assertThat(archivedVersions("web:" + ACCOUNT + ":" + id)).as("archived versions of " + id).isEqualTo(1);
            }
        });

        JsonPath all = casesList();
        List<String> keys = all.<String>getList("commentKey").stream().filter(k -> k.startsWith("web:")).toList();
        assertThat(keys).as("exactly one case per registered comment, none for trivial ones")
                .containsExactlyInAnyOrderElementsOf(registered.stream().map(id -> "web:" + ACCOUNT + ":" + id).toList());
        Map<String, String> routes = new HashMap<>();
        Map<String, String> numbers = new HashMap<>();
        List<String> allKeys = all.getList("commentKey");
        for (int i = 0; i < allKeys.size(); i++) {
            routes.put(allKeys.get(i), all.getString("[" + i + "].route"));
            numbers.put(allKeys.get(i), all.getString("[" + i + "].diaryNumber"));
        }
        assertThat(routes).containsEntry("web:" + ACCOUNT + ":conf-1-" + run, "CONFIDENTIAL")
                .containsEntry("web:" + ACCOUNT + ":conf-2-" + run, "CONFIDENTIAL")
                .containsEntry("web:" + ACCOUNT + ":comp-1-" + run, "COMPLAINT")
                .containsEntry("web:" + ACCOUNT + ":comp-2-" + run, "COMPLAINT");
        // "mitt ärende KS 2026/17" is filed under the number it names, which is not one of ours.
        assertThat(numbers).containsEntry("web:" + ACCOUNT + ":comp-2-" + run, "KS 2026/17");
        List<Integer> sequence = new ArrayList<>();
        for (int i = 0; i < allKeys.size(); i++) {
            if (all.getBoolean("[" + i + "].issuedHere")) {
                String number = all.getString("[" + i + "].diaryNumber");
                assertThat(number).matches("KS \\d{4}/\\d+");
                sequence.add(Integer.parseInt(number.substring(number.indexOf('/') + 1)));
            }
        }
        sequence.sort(null);
        assertThat(sequence).as("distinct, gapless diary numbers of our own")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, sequence.size()).boxed().toList());

        // Now that the consumers have their partitions: one more complaint, timed from POST to case.
        String late = "web:" + ACCOUNT + ":late-" + run;
        long before = System.nanoTime();
        assertThat(post(SECRET, body("late-" + run, "Jag är missnöjd med bygglovshandläggningen"))).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> casesList().getList("commentKey").contains(late));
        System.out.printf("[e2e] warm pipeline: signed POST → case visible at GET /cases in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before));
    }

    @Test
    void aThreatPostedToFacebookIsHiddenExactlyOnceAndOnlyAfterItsEvidenceWasCaptured() throws Exception {
        String commentId = PAGE + "_9_" + UUID.randomUUID().toString().substring(0, 8);
        String key = "facebook:" + PAGE + ":" + commentId;
        byte[] body = ("""
                {"object":"page","entry":[{"id":"%s","time":1764410000,"changes":[{"field":"feed","value":{
                "item":"comment","verb":"add","comment_id":"%s","post_id":"%s_9","parent_id":"%s_9",
                "from":{"id":"u-66","name":"Anonym"},"message":"Jag ska döda dig, jag vet var du bor.",
                "created_time":1764409990}}]}]}""").formatted(PAGE, commentId, PAGE, PAGE)
                .getBytes(StandardCharsets.UTF_8);
        int status = given().baseUri(ingest.baseUrl()).contentType("application/json")
                .header("X-Hub-Signature-256", signature(APP_SECRET, body)).body(body)
                .post("/webhooks/meta").statusCode();
        assertThat(status).isEqualTo(200);

        String hidePath = "/v23.0/" + commentId;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> !graph.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo(hidePath))).isEmpty());
        try (TopicProbe probe = new TopicProbe(broker)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.readAll(Topics.PLATFORM_RESULTS).stream()
                    .anyMatch(r -> key.equals(r.key()) && EventCodec.instance()
                            .decode(r.value(), PlatformCommandCompleted.class).payload().outcome()
                            == CommandOutcome.SUCCEEDED));
            // Nothing more arrives once the removal is done: exactly one hide.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                    graph.findAll(WireMock.anyRequestedFor(WireMock.urlPathEqualTo(hidePath))).size() == 1);
            LoggedRequest hide = graph.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo(hidePath))).get(0);
            assertThat(hide.getBodyAsString()).isEqualTo("is_hidden=true");
            assertThat(hide.getHeader("Authorization")).isEqualTo("Bearer " + PAGE_TOKEN);

            List<ConsumerRecord<String, String>> evidence = probe.readAll(Topics.EVIDENCE_CAPTURED).stream()
                    .filter(r -> key.equals(r.key())).toList();
            assertThat(evidence).as("the archive captured evidence").isNotEmpty();
            EvidenceCaptured bundle = EventCodec.instance().decode(evidence.get(0).value(), EvidenceCaptured.class)
                    .payload();
            assertThat(bundle.artefacts()).extracting(EvidenceArtefact::kind)
                    .containsExactlyInAnyOrder(EvidenceKind.SCREENSHOT_PNG, EvidenceKind.PDFA_RENDITION);
            assertThat(bundle.artefacts()).allSatisfy(a -> assertThat(a.sha256()).matches("[0-9a-f]{64}"));
            assertThat(bundle.missing()).isEmpty();
            assertThat(evidence.get(0).timestamp()).as("evidence was on its topic before the platform was called")
                    .isLessThan(hide.getLoggedDate().getTime());
            System.out.printf("[e2e] threat on Facebook: evidence %s (%s), then one hide %d ms later%n",
                    bundle.bundleId(), bundle.artefacts().stream().map(a -> a.kind() + " " + a.sizeBytes() + " B sha256 "
                            + a.sha256().substring(0, 12) + "…").toList(),
                    hide.getLoggedDate().getTime() - evidence.get(0).timestamp());
        }
        JsonPath registered = given().baseUri(cases.baseUrl()).auth().preemptive().basic(USER, PASSWORD)
                .get("/cases?route=CRIMINAL&size=500").then().statusCode(200).extract().jsonPath();
        assertThat(registered.<String>getList("commentKey")).contains(key);
    }

    @Test
    void aCommentHoldingANulCharacterIsArchivedClassifiedAndRegistered() throws Exception {
        // PostgreSQL text cannot hold U+0000: it is stored as U+FFFD, the raw bytes keep what came.
        String id = "nul-" + UUID.randomUUID().toString().substring(0, 8);
        String key = "web:" + ACCOUNT + ":" + id;
        assertThat(post(SECRET, body(id, "Jag vill klaga p\\u00e5 sn\\u00f6r\\u00f6jningen\\u0000 p\\u00e5 Storgatan")))
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> casesList().getList("commentKey").contains(key));
        await().atMost(Duration.ofSeconds(30)).until(() -> archivedVersions(key) == 1);
        JsonPath record = given().baseUri(archive.baseUrl()).auth().preemptive().basic(USER, PASSWORD)
                .get("/records/{key}", key).then().statusCode(200).extract().jsonPath();
        assertThat(record.getString("versions[0].text")).isEqualTo("Jag vill klaga på snöröjningen\uFFFD på Storgatan");
        String fragment = new String(Base64.getDecoder().decode(record.getString("versions[0].rawFragmentBase64")),
                StandardCharsets.UTF_8);
        assertThat(fragment).contains("\\u0000");
        assertThat(new ObjectMapper().readTree(fragment).get("text").asText())
                .contains("\u0000");
        try (TopicProbe probe = new TopicProbe(broker)) {
            assertThat(probe.readAll(Topics.deadLetterOf(Topics.COMMENTS_RECEIVED))).noneMatch(r -> key.equals(r.key()));
        }
    }

    @Test
    void aVeiledWarningTheModelIsUnsureOfReachesTheModeratorsQueueAsAnUnsureTrivialComment() throws Exception {
        // No rule matches this; the trained model reads it as chatter but puts enough probability on
        // a threat that a person must look (uncertain never means trivial).
        String id = "unsure-" + UUID.randomUUID().toString().substring(0, 8);
        String key = "web:" + ACCOUNT + ":" + id;
        String text = "Det \u00e4r nog b\u00e4st att ni h\u00e5ller er borta fr\u00e5n torget p\u00e5 l\u00f6rdag.";
        assertThat(post(SECRET, body(id, text))).isEqualTo(202);

        String review = "reviews.find { it.commentKey == '" + key + "' }";
        JsonPath queue = await().atMost(Duration.ofSeconds(30)).until(() -> given().baseUri(cases.baseUrl()).auth()
                .preemptive().basic(USER, PASSWORD).get("/queue").then().statusCode(200).extract().jsonPath(),
                q -> q.get(review) != null);
        assertThat(queue.getString(review + ".route")).isEqualTo("TRIVIAL");
        assertThat(queue.getString(review + ".kind")).isEqualTo("REVIEW");
        assertThat(queue.getList(review + ".reasons.detector", String.class)).as("the model's reasons")
                .isNotEmpty().allMatch(d -> d.startsWith("model"));
        assertThat(casesList().getList("commentKey")).as("an unsure trivial comment is not registered").doesNotContain(key);
        String html = given().baseUri(cases.baseUrl()).auth().preemptive().basic(USER, PASSWORD).get("/dashboard")
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("torget").contains("<mark title=\"model");
        System.out.printf("[e2e] an unsure TRIVIAL comment in the moderators' queue, reasons %s%n",
                queue.getList(review + ".reasons.span"));
    }

    @Test
    void theProductionJarsServeNoApiDescriptionButHealthAndMetrics() {
        for (ServiceProcess service : services) {
            given().baseUri(service.baseUrl()).get("/q/openapi").then().statusCode(404);
            given().baseUri(service.baseUrl()).get("/q/swagger-ui").then().statusCode(404);
            given().baseUri(service.baseUrl()).get("/q/health/ready").then().statusCode(200);
            given().baseUri(service.baseUrl()).get("/q/metrics").then().statusCode(200);
        }
    }

    @Test
    void aWronglySignedPostIs401AndNothingReachesKafka() throws Exception {
        String id = "forged-" + UUID.randomUUID();
        byte[] body = body(id, "Förfalskad kommentar");

        assertThat(post("not-the-secret", body)).isEqualTo(401);

        try (TopicProbe probe = new TopicProbe(broker)) {
            assertThat(probe.readAll(Topics.COMMENTS_RECEIVED))
                    .noneMatch(r -> EventCodec.instance().decode(r.value(), CommentReceived.class)
                            .payload().commentId().equals(id));
            assertThat(probe.readAll(Topics.COMMENTS_QUARANTINED)).noneMatch(r -> r.value().contains(id));
        }
        assertThat(archivedVersions("web:" + ACCOUNT + ":" + id)).isZero();
    }
}
