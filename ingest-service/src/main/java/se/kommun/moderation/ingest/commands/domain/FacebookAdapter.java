package se.kommun.moderation.ingest.commands.domain;

import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.PlatformCommandIssued;

/**
 * Facebook Page comments (Graph API Comment node) with the Page access token: hide is
 * {@code POST /{comment-id}} with {@code is_hidden=true}, delete is {@code DELETE /{comment-id}},
 * reply is {@code POST /{comment-id}/comments} with {@code message}.
 */
public final class FacebookAdapter extends GraphAdapter {

    public static final String DEFAULT_BASE_URL = "https://graph.facebook.com/v23.0";

    public FacebookAdapter(String baseUrl) {
        super(baseUrl);
    }

    @Override
    public Platform platform() {
        return Platform.FACEBOOK;
    }

    @Override
    public PlatformRequest request(PlatformCommandIssued command, AccountAccess access) {
        String token = access.token().orElseThrow();
        String node = "/" + Uris.encode(command.target());
        return switch (command.action()) {
            case HIDE -> PlatformRequest.builder("POST", Uris.of(baseUrl, node)).bearer(token)
                    .body(FORM, form("is_hidden", "true")).build();
            case DELETE -> PlatformRequest.builder("DELETE", Uris.of(baseUrl, node)).bearer(token).build();
            case REPLY -> PlatformRequest.builder("POST", Uris.of(baseUrl, node + "/comments")).bearer(token)
                    .body(FORM, form("message", command.replyText())).build();
        };
    }
}
