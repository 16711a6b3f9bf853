package se.kommun.moderation.ingest.commands.domain;

import java.util.Optional;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.PlatformCommandIssued;

/**
 * One platform's side of carrying out a command: which commands it can do at all, the exact request
 * for one, and what the platform's answer means. Plain code, no I/O.
 */
public interface PlatformAdapter {

    Platform platform();

    /** Why this platform cannot carry out this command (e.g. X has no delete of others' posts), or empty. */
    Optional<String> unsupported(PlatformCommandIssued command);

    /** Why the account's access is not enough for this command (no token, no callback URL), or empty. */
    Optional<String> missingAccess(PlatformCommandIssued command, AccountAccess access);

    PlatformRequest request(PlatformCommandIssued command, AccountAccess access);

    /**
     * @param priorAttempts attempts made before this one; an earlier unanswered attempt makes "it is
     *                      gone" on a retry mean that the earlier attempt did it
     */
    Interpretation interpret(PlatformCommandIssued command, PlatformResponse response, int priorAttempts,
            java.time.Instant now);
}
