package se.kommun.moderation.ingest.accounts.domain;

import java.util.ArrayList;
import java.util.List;
import se.kommun.moderation.events.Platform;

/** A request to register an account (it starts as a DRAFT). */
public record NewAccount(Platform platform, String externalId, String name, String owningUnit, String purpose,
        String audience, String message, String publicUrl, List<String> responsible, String secretRef) {

    public NewAccount {
        responsible = responsible == null ? List.of() : List.copyOf(responsible);
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (platform == null) {
            problems.add("'platform' is required (facebook, instagram, x, linkedin, youtube, web, blog)");
        }
        if (externalId == null || externalId.isBlank()) {
            problems.add("'externalId' is required: the platform's id of the page, account or channel");
        } else if (externalId.contains(":")) {
            problems.add("'externalId' must not contain ':'");
        }
        if (name == null || name.isBlank()) {
            problems.add("'name' is required");
        }
        if (owningUnit == null || owningUnit.isBlank()) {
            problems.add("'owningUnit' is required");
        }
        if (publicUrl != null && !publicUrl.matches("https?://\\S+")) {
            problems.add("'publicUrl' must be an http(s) URL");
        }
        return problems;
    }
}
