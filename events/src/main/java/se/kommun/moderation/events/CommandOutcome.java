package se.kommun.moderation.events;

/** How a platform command ended. */
public enum CommandOutcome {
    /** The platform accepted it (or it was already in effect, e.g. the comment was hidden). */
    SUCCEEDED,
    /** The platform refused it, or retries ran out; {@code platformStatus}/{@code platformMessage} say why. */
    FAILED,
    /** Our own executor refused it before calling the platform (e.g. a removal without evidence). */
    REFUSED
}
