package se.kommun.moderation.ingest.commands.domain;

import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.PlatformCommandIssued;

/**
 * Instagram comment moderation (Graph API): hide is {@code POST /{ig-comment-id}?hide=true}, delete
 * is {@code DELETE /{ig-comment-id}}, reply is {@code POST /{ig-comment-id}/replies} with
 * {@code message}. A hidden comment stays visible to its author.
 */
public final class InstagramAdapter extends GraphAdapter {

    public static final String DEFAULT_BASE_URL = "https://graph.facebook.com/v23.0";

    public InstagramAdapter(String baseUrl) {
        super(baseUrl);
    }

    @Override
    public Platform platform() {
        return Platform.INSTAGRAM;
    }

    @Override
    public PlatformRequest request(PlatformCommandIssued command, AccountAccess access) {
        String token = access.token().orElseThrow();
        String node = "/" + Uris.encode(command.target());
        return switch (command.action()) {
            case HIDE -> PlatformRequest.builder("POST", Uris.of(baseUrl, node + "?hide=true")).bearer(token).build();
            case DELETE -> PlatformRequest.builder("DELETE", Uris.of(baseUrl, node)).bearer(token).build();
            case REPLY -> PlatformRequest.builder("POST", Uris.of(baseUrl, node + "/replies")).bearer(token)
                    .body(FORM, form("message", command.replyText())).build();
        };
    }
}
