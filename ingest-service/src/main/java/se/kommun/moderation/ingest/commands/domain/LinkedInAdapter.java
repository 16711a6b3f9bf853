package se.kommun.moderation.ingest.commands.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.kommun.moderation.events.CommandAction;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.PlatformCommandIssued;

/**
 * LinkedIn Community Management API (versioned {@code /rest}) acting as the organisation, with an
 * admin's token ({@code w_organization_social}). The comment is addressed by its URN
 * {@code urn:li:comment:(<post URN>,<comment id>)} as the webhook delivered it:
 * <ul>
 * <li>delete: {@code DELETE /socialActions/{post URN}/comments/{comment id}?actor={organisation URN}};</li>
 * <li>reply: {@code POST /socialActions/{comment URN}/comments} with {@code actor}, {@code object} (the
 * post), {@code message.text} and {@code parentComment} (the comment).</li>
 * </ul>
 * LinkedIn has no hiding of a comment through the API: a HIDE is refused here (issue a DELETE).
 */
public final class LinkedInAdapter extends BaseAdapter {

    public static final String DEFAULT_BASE_URL = "https://api.linkedin.com/rest";
    public static final String DEFAULT_VERSION = "202609";

    private static final Pattern COMMENT_URN = Pattern.compile("urn:li:comment:\\((urn:li:[A-Za-z]+:[^,()]+),([^,()]+)\\)");

    private final String version;

    public LinkedInAdapter(String baseUrl, String version) {
        super(baseUrl);
        this.version = version;
    }

    @Override
    public Platform platform() {
        return Platform.LINKEDIN;
    }

    @Override
    public Optional<String> unsupported(PlatformCommandIssued command) {
        if (command.action() == CommandAction.HIDE) {
            return Optional.of("LinkedIn's API cannot hide a comment on an organisation post; issue a DELETE instead");
        }
        if (!COMMENT_URN.matcher(command.target()).matches()) {
            return Optional.of("the target is not a LinkedIn comment URN urn:li:comment:(<post URN>,<id>)");
        }
        return Optional.empty();
    }

    @Override
    public PlatformRequest request(PlatformCommandIssued command, AccountAccess access) {
        Matcher urn = COMMENT_URN.matcher(command.target());
        if (!urn.matches()) {
            throw new IllegalArgumentException("not a comment URN");
        }
        String post = urn.group(1);
        String commentId = urn.group(2);
        String actor = organisationUrn(command.accountId());
        PlatformRequest.Builder request = switch (command.action()) {
            case DELETE -> PlatformRequest.builder("DELETE", Uris.of(baseUrl, "/socialActions/" + Uris.encode(post)
                    + "/comments/" + Uris.encode(commentId) + "?actor=" + Uris.encode(actor)));
            case REPLY -> {
                var body = object().put("actor", actor).put("object", post);
                body.putObject("message").put("text", command.replyText());
                body.put("parentComment", command.target());
                yield PlatformRequest.builder("POST", Uris.of(baseUrl, "/socialActions/"
                        + Uris.encode(command.target()) + "/comments")).body(JSON_TYPE, bytes(body));
            }
            case HIDE -> throw new IllegalArgumentException("unsupported: " + command.action());
        };
        return request.bearer(access.token().orElseThrow())
                .header("LinkedIn-Version", version)
                .header("X-Restli-Protocol-Version", "2.0.0")
                .build();
    }

    @Override
    protected Optional<String> replyId(PlatformResponse response) {
        Optional<String> fromBody = PlatformAnswers.json(response)
                .map(json -> json.hasNonNull("commentUrn") ? json.get("commentUrn").asText() : json.path("id").asText(""))
                .filter(id -> !id.isBlank());
        return fromBody.or(() -> response.header("x-restli-id"));
    }

    /** The webhook's account id is the organisation's number; a full URN is accepted as well. */
    static String organisationUrn(String accountId) {
        return accountId.startsWith("urn:li:") ? accountId : "urn:li:organization:" + accountId;
    }
}
