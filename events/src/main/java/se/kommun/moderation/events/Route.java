package se.kommun.moderation.events;

/**
 * The flowchart's outcome (ARCHITECTURE §1), in the order the flowchart checks them: the removal lane
 * (CRIMINAL, CONFIDENTIAL) before the records lane (COMPLAINT) before TRIVIAL.
 */
public enum Route {
    CRIMINAL, CONFIDENTIAL, COMPLAINT, TRIVIAL;

    /** Whether the municipality must register (diarieföra) a comment on this route. */
    public boolean requiresRegistration() {
        return this != TRIVIAL;
    }
}
