package se.kommun.moderation.ingest.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import se.kommun.moderation.ingest.accounts.domain.ChecklistItem;
import se.kommun.moderation.ingest.signature.HmacSignatures;

/** Registers and opens accounts through the real registry API, as an administrator would. */
public final class TestAccounts {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private TestAccounts() {
    }

    public static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    /** The account's id; created as a DRAFT if it does not exist yet. */
    public static String ensureDraft(String platform, String externalId, String secretRef) {
        List<Map<String, Object>> existing = asAdmin().get("/accounts").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.platform == '" + platform + "' && it.externalId == '" + externalId + "' }");
        if (!existing.isEmpty()) {
            return (String) existing.get(0).get("id");
        }
        Map<String, Object> body = new java.util.HashMap<>(Map.of("platform", platform, "externalId", externalId,
                "name", "Örebro kommun " + externalId, "owningUnit", "Kommunikationsavdelningen",
                "purpose", "Information och dialog", "responsible", List.of("Anna Andersson", "Bo Berg")));
        if (secretRef != null) {
            body.put("secretRef", secretRef);
        }
        return asAdmin().contentType("application/json").body(body).post("/accounts")
                .then().statusCode(201).extract().path("id");
    }

    /** The account, registered and opened (every checklist item ticked). */
    public static String ensureActive(String platform, String externalId, String secretRef) {
        String id = ensureDraft(platform, externalId, secretRef);
        String status = asAdmin().get("/accounts/" + id).then().extract().path("status");
        if (!"ACTIVE".equals(status)) {
            for (ChecklistItem item : ChecklistItem.values()) {
                asAdmin().put("/accounts/" + id + "/checklist/" + item).then().statusCode(200);
            }
            asAdmin().post("/accounts/" + id + "/activate").then().statusCode(200);
        }
        return id;
    }

    public static String sign(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(HmacSignatures.hmacSha256(secret, body));
    }
}
