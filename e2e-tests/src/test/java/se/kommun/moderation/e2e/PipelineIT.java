package se.kommun.moderation.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
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

        Map<String, String> ingestConfig = new HashMap<>(common);
        ingestConfig.put("ingest.secrets." + ACCOUNT, SECRET);
        TestDatabase ingestDb = TestDatabase.create("e2e_ingest");
        databases.add(ingestDb);
        ingestConfig.putAll(ingestDb.quarkusConfig());
        Map<String, String> caseConfig = new HashMap<>(common);
        caseConfig.putAll(caseDb.quarkusConfig());
        Map<String, String> archiveConfig = new HashMap<>(common);
        archiveConfig.putAll(archiveDb.quarkusConfig());

        ingest = launch(root, "ingest-service", ingestConfig);
        launch(root, "classification-service", common);
        cases = launch(root, "case-service", caseConfig);
        archive = launch(root, "archive-service", archiveConfig);
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofSeconds(120));
        }
        openTheSiteAccount();
        System.out.printf("[e2e] broker, databases and four services ready in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** The web comment field is registered and opened as an administrator would, checklist and all. */
    private static void openTheSiteAccount() {
        String id = given().baseUri(ingest.baseUrl()).auth().preemptive().basic(USER, PASSWORD)
                .contentType("application/json")
                .body(Map.of("platform", "web", "externalId", ACCOUNT, "name", "Kommunens webbplats",
                        "owningUnit", "Kommunikationsavdelningen", "secretRef", ACCOUNT,
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
        List<String> keys = all.getList("commentKey");
        assertThat(keys).as("exactly one case per registered comment, none for trivial ones")
                .containsExactlyInAnyOrderElementsOf(registered.stream().map(id -> "web:" + ACCOUNT + ":" + id).toList());
        Map<String, String> routes = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            routes.put(keys.get(i), all.getString("[" + i + "].route"));
        }
        assertThat(routes).containsEntry("web:" + ACCOUNT + ":conf-1-" + run, "CONFIDENTIAL")
                .containsEntry("web:" + ACCOUNT + ":conf-2-" + run, "CONFIDENTIAL")
                .containsEntry("web:" + ACCOUNT + ":comp-1-" + run, "COMPLAINT")
                .containsEntry("web:" + ACCOUNT + ":comp-2-" + run, "COMPLAINT");
        List<Integer> sequence = all.<String>getList("diaryNumber").stream()
                .peek(number -> assertThat(number).matches("KS \\d{4}/\\d+"))
                .map(number -> Integer.parseInt(number.substring(number.indexOf('/') + 1)))
                .sorted().toList();
        assertThat(sequence).as("distinct, gapless diary numbers")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, registered.size()).boxed().toList());

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
