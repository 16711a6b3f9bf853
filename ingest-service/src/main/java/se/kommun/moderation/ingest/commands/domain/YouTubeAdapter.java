package se.kommun.moderation.ingest.commands.domain;

import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.PlatformCommandIssued;

/**
 * YouTube Data API v3 with the channel owner's OAuth token. HIDE and DELETE both become
 * {@code comments.setModerationStatus} with {@code moderationStatus=rejected} (the owner cannot delete
 * someone else's comment; rejecting takes it out of public view). A reply is {@code comments.insert}
 * with {@code snippet.parentId}: YouTube threads are one level deep, so a reply to a reply
 * ({@code <parent>.<reply>}) goes to its top-level comment.
 */
public final class YouTubeAdapter extends BaseAdapter {

    public static final String DEFAULT_BASE_URL = "https://www.googleapis.com/youtube/v3";

    public YouTubeAdapter(String baseUrl) {
        super(baseUrl);
    }

    @Override
    public Platform platform() {
        return Platform.YOUTUBE;
    }

    @Override
    public PlatformRequest request(PlatformCommandIssued command, AccountAccess access) {
        String token = access.token().orElseThrow();
        return switch (command.action()) {
            case HIDE, DELETE -> PlatformRequest.builder("POST", Uris.of(baseUrl, "/comments/setModerationStatus?id="
                    + Uris.encode(command.target()) + "&moderationStatus=rejected")).bearer(token).build();
            case REPLY -> {
                var body = object();
                body.putObject("snippet").put("parentId", topLevel(command.target()))
                        .put("textOriginal", command.replyText());
                yield PlatformRequest.builder("POST", Uris.of(baseUrl, "/comments?part=snippet")).bearer(token)
                        .body(JSON_TYPE, bytes(body)).build();
            }
        };
    }

    static String topLevel(String commentId) {
        int dot = commentId.indexOf('.');
        return dot > 0 ? commentId.substring(0, dot) : commentId;
    }
}
