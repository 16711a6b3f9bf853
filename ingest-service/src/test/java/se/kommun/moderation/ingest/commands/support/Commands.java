package se.kommun.moderation.ingest.commands.support;

import java.time.Instant;
import java.util.UUID;
import se.kommun.moderation.events.CommandAction;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.PlatformCommandIssued;

/** Commands as the case-service issues them. */
public final class Commands {

    public static final Instant ISSUED_AT = Instant.parse("2026-11-02T09:15:00Z");
    public static final UUID EVIDENCE = UUID.fromString("6f1c2b8e-3a4d-4e5f-8a9b-0c1d2e3f4a5b");

    private Commands() {
    }

    public static PlatformCommandIssued command(String idempotencyKey, CommandAction action, Platform platform,
            String accountId, String target, String replyText, UUID evidence) {
        return new PlatformCommandIssued(EventIds.derive("command", idempotencyKey), idempotencyKey, action, platform,
                accountId, target, replyText, evidence, UUID.fromString("00000000-0000-0000-0000-0000000000c5"),
                "moderator", ISSUED_AT);
    }

    public static PlatformCommandIssued hide(Platform platform, String accountId, String target) {
        return command("hide-" + target, CommandAction.HIDE, platform, accountId, target, null, EVIDENCE);
    }

    public static PlatformCommandIssued delete(Platform platform, String accountId, String target) {
        return command("delete-" + target, CommandAction.DELETE, platform, accountId, target, null, EVIDENCE);
    }

    public static PlatformCommandIssued reply(Platform platform, String accountId, String target, String text) {
        return command("reply-" + target, CommandAction.REPLY, platform, accountId, target, text, null);
    }

    public static EventEnvelope<PlatformCommandIssued> envelope(PlatformCommandIssued command) {
        String commentKey = command.platform().id() + ":" + command.accountId() + ":" + command.target();
        return EventEnvelope.wrap(EventIds.derive("PlatformCommandIssued", command.idempotencyKey()),
                command.issuedAt(), commentKey, "case-service", command);
    }
}
