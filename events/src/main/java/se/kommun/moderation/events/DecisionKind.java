package se.kommun.moderation.events;

/** What a moderator (or registrar) decided about a comment. */
public enum DecisionKind {
    /** The classifier's route was right. */
    CONFIRMED,
    /** The classifier's route was wrong; {@code decidedRoute} holds the right one. */
    OVERRIDDEN,
    /** Nothing about this comment may be culled: a pending request for access, an appeal, a case. */
    LEGAL_HOLD_SET,
    /** The reason for the hold has ended. */
    LEGAL_HOLD_RELEASED
}
