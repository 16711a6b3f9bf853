package se.kommun.moderation.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.TestDatabase;

/**
 * Two case-service instances on one database register in parallel, eight requests at a time each:
 * the diary numbers must come out without a gap and without a duplicate.
 */
class DiariumConcurrencyIT {

    private static final String USER = "e2e-registrar";
    private static final String PASSWORD = UUID.randomUUID().toString();
    private static final int PARALLEL_PER_INSTANCE = 8;
    private static final int ROUNDS = 5;

    private static TestDatabase database;
    private static final List<ServiceProcess> instances = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() throws Exception {
        KafkaBroker broker = KafkaBroker.forThisRun();
        E2eKafka.createTopics(broker);
        database = TestDatabase.create("e2e_diarium_pair");
        Map<String, String> config = new HashMap<>(broker.serviceConfig());
        config.putAll(database.quarkusConfig());
        config.put("quarkus.security.users.embedded.users." + USER, PASSWORD);
        config.put("quarkus.security.users.embedded.roles." + USER, "registrar");
        // Consumer groups of its own: this pair must not take comments meant for other tests' services.
        config.putAll(E2eKafka.ownCaseServiceGroups(broker, "diarium-pair"));
        Path root = Path.of(System.getProperty("repo.root", ".."));
        for (String name : List.of("case-service-a", "case-service-b")) {
            instances.add(ServiceProcess.start(root, "case-service", name, E2eKafka.freePort(), config));
        }
        for (ServiceProcess instance : instances) {
            instance.awaitReady(Duration.ofSeconds(120));
        }
    }

    @AfterAll
    static void stop() {
        instances.forEach(ServiceProcess::close);
        if (database != null) {
            database.close();
        }
    }

    @Test
    void parallelRegistrationsOnTwoInstancesGetGaplessDistinctNumbers() throws Exception {
        int total = instances.size() * PARALLEL_PER_INSTANCE * ROUNDS;
        ExecutorService pool = Executors.newFixedThreadPool(instances.size() * PARALLEL_PER_INSTANCE);
        List<String> numbers = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Callable<String>> jobs = new ArrayList<>();
                for (ServiceProcess instance : instances) {
                    for (int i = 0; i < PARALLEL_PER_INSTANCE; i++) {
                        String description = "Brev " + round + "/" + i + " via " + instance.baseUrl();
                        jobs.add(() -> given().baseUri(instance.baseUrl()).auth().preemptive().basic(USER, PASSWORD)
                                .contentType("application/json")
                                .body(Map.of("sender", "Medborgare", "description", description))
                                .post("/cases").then().statusCode(201).extract().path("diaryNumber"));
                    }
                }
                for (Future<String> number : pool.invokeAll(jobs)) {
                    numbers.add(number.get());
                }
            }
        } finally {
            pool.shutdown();
        }

        assertThat(numbers).hasSize(total).doesNotHaveDuplicates();
        try (Connection c = database.connect();
                ResultSet rs = c.createStatement().executeQuery("""
                        SELECT count(*), count(DISTINCT seq), min(seq), max(seq), count(DISTINCT diary_number)
                        FROM register_case WHERE issued_here""")) {
            assertThat(rs.next()).isTrue();
            System.out.printf("[e2e] %d registrations on 2 instances x %d in parallel x %d rounds: "
                            + "%d distinct sequence numbers, min %d, max %d, %d distinct diary numbers%n",
                    total, PARALLEL_PER_INSTANCE, ROUNDS, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
            assertThat(rs.getLong(1)).isEqualTo(total);
            assertThat(rs.getLong(2)).as("no duplicate").isEqualTo(total);
            assertThat(rs.getLong(3)).as("starts at 1").isEqualTo(1);
            assertThat(rs.getLong(4)).as("no gap").isEqualTo(total);
            assertThat(rs.getLong(5)).isEqualTo(total);
        }
    }
}
