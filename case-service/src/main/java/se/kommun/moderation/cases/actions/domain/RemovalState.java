package se.kommun.moderation.cases.actions.domain;

/** Where a removal stands at the decision point. */
public enum RemovalState {
    /** Decided (automatically or by a moderator), waiting for the archive's evidence.captured. */
    AWAITING_EVIDENCE,
    /** The classifier was not sure enough: a moderator must confirm or reject. */
    AWAITING_CONFIRMATION,
    /** The command is on platform.commands; the platform has not answered yet. */
    COMMANDED,
    DONE,
    /** The platform refused or retries ran out: back to a moderator. */
    FAILED,
    /** A moderator decided the comment stays. */
    REJECTED;

    public boolean isOpen() {
        return this != DONE && this != REJECTED;
    }
}
