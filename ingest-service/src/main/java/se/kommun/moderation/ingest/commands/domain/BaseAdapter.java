package se.kommun.moderation.ingest.commands.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import se.kommun.moderation.events.CommandAction;
import se.kommun.moderation.events.PlatformCommandIssued;

/**
 * What most platforms share: a bearer token, 2xx is done, 404/410 on a removal means the comment is
 * already gone, 408/429/5xx are worth another attempt, every other answer is final.
 */
public abstract class BaseAdapter implements PlatformAdapter {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final String FORM = "application/x-www-form-urlencoded";
    protected static final String JSON_TYPE = "application/json";

    protected final String baseUrl;

    protected BaseAdapter(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Optional<String> unsupported(PlatformCommandIssued command) {
        return Optional.empty();
    }

    @Override
    public Optional<String> missingAccess(PlatformCommandIssued command, AccountAccess access) {
        return access.token().isPresent() ? Optional.empty()
                : Optional.of("no access token configured for " + platform().id() + " account " + command.accountId()
                        + " (the account's secretRef, or ingest.commands." + platform().id() + ".accounts.\""
                        + command.accountId() + "\".token-ref)");
    }

    @Override
    public Interpretation interpret(PlatformCommandIssued command, PlatformResponse response, int priorAttempts,
            Instant now) {
        int status = response.status();
        if (response.isSuccess()) {
            return success(command, response);
        }
        if (command.action().removesContent() && (status == 404 || status == 410)) {
            return Interpretation.succeeded(status, "the comment is no longer on the platform (HTTP " + status
                    + "): nothing left to " + verb(command.action()) + "; " + PlatformAnswers.errorMessage(response),
                    null);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return Interpretation.retryable(status, PlatformAnswers.errorMessage(response),
                    PlatformAnswers.retryAfter(response, now));
        }
        return Interpretation.permanent(status, PlatformAnswers.errorMessage(response));
    }

    /** A 2xx: done; a reply's id is read from the answer. */
    protected Interpretation success(PlatformCommandIssued command, PlatformResponse response) {
        if (command.action() == CommandAction.REPLY) {
            String id = replyId(response).orElse(null);
            return Interpretation.succeeded(response.status(), id == null ? "reply posted (the platform gave no id)"
                    : "reply posted", id);
        }
        return Interpretation.succeeded(response.status(), command.action() == CommandAction.HIDE ? "hidden" : "deleted",
                null);
    }

    protected Optional<String> replyId(PlatformResponse response) {
        return PlatformAnswers.json(response).map(json -> json.path("id")).filter(JsonNode::isValueNode)
                .map(JsonNode::asText).filter(s -> !s.isBlank());
    }

    protected static String verb(CommandAction action) {
        return switch (action) {
            case HIDE -> "hide";
            case DELETE -> "delete";
            case REPLY -> "reply to";
        };
    }

    protected static ObjectNode object() {
        return JSON.createObjectNode();
    }

    protected static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
    }

    protected static byte[] form(String name, String value) {
        return (name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8))
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
