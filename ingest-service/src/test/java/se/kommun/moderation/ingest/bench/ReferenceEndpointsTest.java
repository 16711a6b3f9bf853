package se.kommun.moderation.ingest.bench;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.ingest.support.TestAccounts;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;

/**
 * The benchmark's references take no credentials, so a production build must not have them, whatever
 * its runtime configuration says (they exist only in a build with -Dingest.bench.endpoints=true).
 */
@QuarkusTest
@TestProfile(ReferenceEndpointsTest.SwitchedOnAtRuntime.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "ingest"))
class ReferenceEndpointsTest {

    /** What switched the references on before they became a build-time choice. */
    public static class SwitchedOnAtRuntime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ingest.bench.reference-endpoint", "true");
        }
    }

    @Test
    void noRuntimeSettingPutsTheReferencesIntoAProductionBuild() {
        TestAccounts.asAdmin().contentType("application/json").body("{}").post("/bench/reference").then()
                .statusCode(404);
        TestAccounts.asAdmin().contentType("application/json").body("{}").queryParam("events", 50)
                .post("/bench/contract-floor").then().statusCode(404);
    }
}
