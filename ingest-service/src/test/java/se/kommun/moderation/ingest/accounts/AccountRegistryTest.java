package se.kommun.moderation.ingest.accounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.AccountChanged;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.ingest.accounts.domain.ChecklistItem;
import se.kommun.moderation.ingest.support.TestAccounts;
import se.kommun.moderation.testkit.KafkaBroker;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;
import se.kommun.moderation.testkit.TopicProbe;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "ingest"))
class AccountRegistryTest {

    KafkaBroker broker;

    private List<AccountChanged> changesOf(String externalId) {
        try (TopicProbe probe = new TopicProbe(broker)) {
            return probe.readAll(Topics.ACCOUNTS_CHANGED).stream()
                    .map(r -> EventCodec.instance().decode(r.value(), AccountChanged.class).payload())
                    .filter(c -> c.externalId().equals(externalId)).toList();
        }
    }

    @Test
    void anAccountOpensOnlyWhenTheChecklistIsDoneAndTellsTheInformationDepartment() {
        String externalId = "page-" + UUID.randomUUID().toString().substring(0, 8);
        String id = TestAccounts.ensureDraft("facebook", externalId, null);

        TestAccounts.asAdmin().post("/accounts/" + id + "/activate").then().statusCode(409)
                .body("problems", hasItem(containsString("KRISKOMMUNIKATION")));
        for (ChecklistItem item : ChecklistItem.values()) {
            if (item != ChecklistItem.RISKER) {
                TestAccounts.asAdmin().put("/accounts/" + id + "/checklist/" + item).then().statusCode(200);
            }
        }
        TestAccounts.asAdmin().post("/accounts/" + id + "/activate").then().statusCode(409)
                .body("problems", equalTo(List.of("checklist item not done: RISKER (Risker)")));
        TestAccounts.asAdmin().put("/accounts/" + id + "/checklist/RISKER").then().statusCode(200)
                .body("blockingActivation", equalTo(List.of()));
        TestAccounts.asAdmin().post("/accounts/" + id + "/activate").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("openedOn", org.hamcrest.Matchers.notNullValue());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(changesOf(externalId))
                .singleElement().satisfies(c -> {
                    assertThat(c.status()).isEqualTo("ACTIVE");
                    assertThat(c.changedBy()).isEqualTo("admin");
                }));

        TestAccounts.asAdmin().post("/accounts/" + id + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(changesOf(externalId)).extracting(AccountChanged::status).containsExactly("ACTIVE", "CLOSED"));
    }

    @Test
    void twoResponsiblePersonsAreNeededForCover() {
        String id = TestAccounts.asAdmin().contentType("application/json")
                .body(Map.of("platform", "x", "externalId", "x-" + UUID.randomUUID().toString().substring(0, 8),
                        "name", "Örebro kommun på X", "owningUnit", "Kommunikation", "responsible", List.of("Ensam Ansvarig")))
                .post("/accounts").then().statusCode(201).extract().path("id");
        for (ChecklistItem item : ChecklistItem.values()) {
            TestAccounts.asAdmin().put("/accounts/" + id + "/checklist/" + item).then().statusCode(200);
        }
        TestAccounts.asAdmin().post("/accounts/" + id + "/activate").then().statusCode(409)
                .body("problems", hasItem(containsString("at least 2 responsible persons")));
    }

    @Test
    void badRegistrationsGetReasons() {
        TestAccounts.asAdmin().contentType("application/json").body(Map.of("platform", "facebook"))
                .post("/accounts").then().statusCode(400)
                .body("problems", hasItem(containsString("'externalId' is required")))
                .body("problems", hasItem(containsString("'name' is required")));
        TestAccounts.asAdmin().contentType("application/json").body("{\"platform\":\"myspace\"}")
                .post("/accounts").then().statusCode(400);
        TestAccounts.asAdmin().put("/accounts/" + UUID.randomUUID() + "/checklist/SYFTE").then().statusCode(404);
    }

    @Test
    void thePublicListShowsActiveAccountsEscaped() {
        String externalId = "yt-" + UUID.randomUUID().toString().substring(0, 8);
        String id = TestAccounts.asAdmin().contentType("application/json")
                .body(Map.of("platform", "youtube", "externalId", externalId,
                        "name", "<script>alert('x')</script>Kanal", "owningUnit", "Kultur & fritid",
                        "purpose", "Sända fullmäktige", "publicUrl", "https://www.youtube.com/@orebro",
                        "responsible", List.of("A", "B")))
                .post("/accounts").then().statusCode(201).extract().path("id");
        for (ChecklistItem item : ChecklistItem.values()) {
            TestAccounts.asAdmin().put("/accounts/" + id + "/checklist/" + item).then().statusCode(200);
        }
        TestAccounts.asAdmin().post("/accounts/" + id + "/activate").then().statusCode(200);
        String draft = TestAccounts.ensureDraft("facebook", "not-yet-open", null);

        given().accept("application/json").get("/accounts/public").then().statusCode(200)
                .body("name", hasItem("<script>alert('x')</script>Kanal"))
                .body("name", not(hasItem("Örebro kommun not-yet-open")))
                .body("$", everyItem(not(hasKey("responsible"))))
                .body("$", everyItem(not(hasKey("secretRef"))));
        String html = given().accept("text/html").get("/accounts/public").then().statusCode(200).extract().asString();
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;Kanal")
                .contains("Kultur &amp; fritid").doesNotContain("<script>").doesNotContain("not-yet-open");
        assertThat(draft).isNotBlank();
    }

    @Test
    void theRegistryIsForAdministrators() {
        given().get("/accounts").then().statusCode(401);
        given().auth().preemptive().basic("moderator", "test-moderator-password").get("/accounts").then().statusCode(403);
        given().auth().preemptive().basic("moderator", "test-moderator-password")
                .contentType("application/json").body("{}").post("/accounts").then().statusCode(403);
    }

    @Test
    void aCrossSiteFormCannotOpenOrCloseAnAccountWithTheAdministratorsCachedCredentials() {
        String externalId = "page-" + UUID.randomUUID().toString().substring(0, 8);
        String id = TestAccounts.ensureActive("facebook", externalId, null);

        // What a page on another site makes the administrator's browser send.
        TestAccounts.asAdmin().header("Origin", "https://evil.example").contentType("application/x-www-form-urlencoded")
                .formParam("x", "1").post("/accounts/" + id + "/close").then().statusCode(403);
        TestAccounts.asAdmin().header("Origin", "null").post("/accounts/" + id + "/activate").then().statusCode(403);
        TestAccounts.asAdmin().get("/accounts/" + id).then().statusCode(200).body("status", equalTo("ACTIVE"));
        assertThat(changesOf(externalId)).noneMatch(c -> c.status().equals("CLOSED"));
    }

    @Test
    void noRequestBodyOverOneMebibyteIsTaken() {
        String huge = "{\"platform\":\"facebook\",\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";
        TestAccounts.asAdmin().contentType("application/json").body(huge).post("/accounts").then().statusCode(413);
    }
}
