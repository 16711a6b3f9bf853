package se.kommun.moderation.ingest.commands.domain;

import java.time.Instant;
import se.kommun.moderation.events.PlatformCommandCompleted;

/** What became of one turn of a command. */
public sealed interface Step {

    /** Finished, one way or another: publish the result. */
    record Complete(PlatformCommandCompleted result) implements Step {
    }

    /** An attempt failed in a way worth repeating: try again at {@code at}. */
    record Retry(Instant at, int attempts, Integer lastStatus, String lastMessage) implements Step {
    }

    /** The account's rate limit is used up: no attempt was made; come back at {@code at}. */
    record Wait(Instant at) implements Step {
    }
}
