package se.kommun.moderation.ingest.commands.domain;

import java.util.HexFormat;
import java.util.Optional;
import se.kommun.moderation.events.CommandAction;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.PlatformCommandIssued;
import se.kommun.moderation.ingest.signature.HmacSignatures;

/**
 * Web and blog comment fields: the site is told at its configured callback URL, with a JSON body
 * signed like the comments it sends us ({@code X-Signature-256: sha256=<hex HMAC-SHA256(body, the
 * account's secret)>}) and an {@code Idempotency-Key} header. 2xx is done (a reply's id may be given
 * as {@code id}); 404/410 on a removal means the comment is already gone.
 */
public final class WebCallbackAdapter extends BaseAdapter {

    public static final String SIGNATURE_HEADER = "X-Signature-256";

    private final Platform platform;

    public WebCallbackAdapter(Platform platform) {
        super("");
        if (platform != Platform.WEB && platform != Platform.BLOG) {
            throw new IllegalArgumentException("web or blog only");
        }
        this.platform = platform;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public Optional<String> missingAccess(PlatformCommandIssued command, AccountAccess access) {
        if (access.callbackUrl().isEmpty()) {
            return Optional.of("no callback URL configured for " + platform.id() + " account " + command.accountId()
                    + " (ingest.commands." + platform.id() + ".accounts.\"" + command.accountId() + "\".callback-url)");
        }
        if (access.token().isEmpty()) {
            return Optional.of("no signing secret for " + platform.id() + " account " + command.accountId()
                    + " (the account's secretRef)");
        }
        return Optional.empty();
    }

    @Override
    public PlatformRequest request(PlatformCommandIssued command, AccountAccess access) {
        var body = object()
                .put("commandId", command.commandId().toString())
                .put("idempotencyKey", command.idempotencyKey())
                .put("action", command.action().name())
                .put("accountId", command.accountId())
                .put("commentId", command.target());
        if (command.action() == CommandAction.REPLY) {
            body.put("replyText", command.replyText());
        }
        if (command.evidenceBundleId() != null) {
            body.put("evidenceBundleId", command.evidenceBundleId().toString());
        }
        body.put("issuedAt", command.issuedAt().toString());
        byte[] bytes = bytes(body);
        String signature = "sha256=" + HexFormat.of().formatHex(HmacSignatures.hmacSha256(access.token().orElseThrow(), bytes));
        return PlatformRequest.builder("POST", access.callbackUrl().orElseThrow())
                .header(SIGNATURE_HEADER, signature)
                .header("Idempotency-Key", command.idempotencyKey())
                .body(JSON_TYPE, bytes)
                .build();
    }
}
