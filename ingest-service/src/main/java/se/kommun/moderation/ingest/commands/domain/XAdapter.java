package se.kommun.moderation.ingest.commands.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import se.kommun.moderation.events.CommandAction;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.PlatformCommandIssued;

/**
 * X API v2 with the account's user-context token: hide a reply is {@code PUT /2/tweets/{id}/hidden}
 * with {@code {"hidden":true}}; a reply is {@code POST /2/tweets} with
 * {@code reply.in_reply_to_tweet_id}. X lets an account delete only its own posts, so a DELETE of
 * someone's reply is refused here: hide it instead.
 */
public final class XAdapter extends BaseAdapter {

    public static final String DEFAULT_BASE_URL = "https://api.x.com";

    public XAdapter(String baseUrl) {
        super(baseUrl);
    }

    @Override
    public Platform platform() {
        return Platform.X;
    }

    @Override
    public Optional<String> unsupported(PlatformCommandIssued command) {
        return command.action() == CommandAction.DELETE
                ? Optional.of("X lets an account delete only its own posts; hide the reply instead")
                : Optional.empty();
    }

    @Override
    public PlatformRequest request(PlatformCommandIssued command, AccountAccess access) {
        String token = access.token().orElseThrow();
        return switch (command.action()) {
            case HIDE -> PlatformRequest.builder("PUT",
                            Uris.of(baseUrl, "/2/tweets/" + Uris.encode(command.target()) + "/hidden"))
                    .bearer(token).body(JSON_TYPE, bytes(object().put("hidden", true))).build();
            case REPLY -> {
                var body = object().put("text", command.replyText());
                body.putObject("reply").put("in_reply_to_tweet_id", command.target());
                yield PlatformRequest.builder("POST", Uris.of(baseUrl, "/2/tweets")).bearer(token)
                        .body(JSON_TYPE, bytes(body)).build();
            }
            case DELETE -> throw new IllegalArgumentException("unsupported: " + command.action());
        };
    }

    @Override
    protected Interpretation success(PlatformCommandIssued command, PlatformResponse response) {
        Optional<JsonNode> data = PlatformAnswers.json(response).map(json -> json.path("data"));
        if (command.action() == CommandAction.HIDE && data.map(d -> d.path("hidden").isBoolean()
                && !d.path("hidden").asBoolean()).orElse(false)) {
            return Interpretation.permanent(response.status(), "the platform answered hidden=false");
        }
        return super.success(command, response);
    }

    @Override
    protected Optional<String> replyId(PlatformResponse response) {
        return PlatformAnswers.json(response).map(json -> json.path("data").path("id").asText(""))
                .filter(id -> !id.isBlank());
    }
}
