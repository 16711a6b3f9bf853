package se.kommun.moderation.ingest.bench;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.testkit.KafkaBrokerResource;
import se.kommun.moderation.testkit.PostgresDatabaseResource;

/** The benchmark's references take no credentials, so they must be off unless a benchmark switches them on. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = PostgresDatabaseResource.class, initArgs = @ResourceArg(name = "purpose", value = "ingest"))
class ReferenceEndpointsTest {

    @Test
    void bothReferencesAnswer404WhenNotSwitchedOn() {
        given().contentType("application/json").body("{}").post("/bench/reference").then().statusCode(404);
        given().contentType("application/json").body("{}").queryParam("events", 50).post("/bench/contract-floor")
                .then().statusCode(404);
    }
}
