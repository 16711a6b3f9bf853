package se.kommun.moderation.cases.tasks.domain;

/** The work a comment creates. */
public enum TaskKind {
    /** Confidential content: contact the sender privately, never in public. */
    CONTACT_SENDER,
    /** Criminal content: file a police report; the evidence bundle is attached when captured. */
    POLICE_REPORT,
    /** A question or complaint: answer within one working day. */
    ANSWER,
    /** Hand the matter to the officer responsible for it. */
    FORWARD,
    /**
     * The classifier was unsure about a comment it let through (TRIVIAL or COMPLAINT): a person
     * confirms the route or changes it, within one working day.
     */
    REVIEW
}
