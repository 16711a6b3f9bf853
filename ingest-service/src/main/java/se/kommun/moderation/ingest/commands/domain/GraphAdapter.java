package se.kommun.moderation.ingest.commands.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import se.kommun.moderation.events.CommandAction;
import se.kommun.moderation.events.PlatformCommandIssued;

/**
 * Meta's Graph API (Facebook and Instagram share its answers). A "success": false answer is a
 * failure. Graph says "does not exist" as a 400 with code 100, subcode 33, which also covers missing
 * permissions: it counts as "already removed" only on a retry after an attempt that got no answer
 * (then it was almost certainly our own earlier attempt), never on the first try.
 */
public abstract class GraphAdapter extends BaseAdapter {

    protected GraphAdapter(String baseUrl) {
        super(baseUrl);
    }

    @Override
    public Interpretation interpret(PlatformCommandIssued command, PlatformResponse response, int priorAttempts,
            Instant now) {
        Optional<JsonNode> json = PlatformAnswers.json(response);
        if (response.isSuccess() && command.action() != CommandAction.REPLY
                && json.map(j -> j.path("success").isBoolean() && !j.path("success").asBoolean()).orElse(false)) {
            return Interpretation.permanent(response.status(), "the platform answered success=false");
        }
        if (command.action().removesContent() && priorAttempts > 0 && response.status() == 400 && json
                .map(j -> j.path("error").path("code").asInt() == 100 && j.path("error").path("error_subcode").asInt() == 33)
                .orElse(false)) {
            return Interpretation.succeeded(response.status(), "already " + (command.action() == CommandAction.HIDE
                    ? "hidden or removed" : "deleted") + " by an earlier attempt that got no answer; the platform now says: "
                    + PlatformAnswers.errorMessage(response), null);
        }
        return super.interpret(command, response, priorAttempts, now);
    }
}
