package se.kommun.moderation.events;

/** What happened to a comment on the platform. */
public enum Verb {
    ADDED, EDITED, REMOVED_BY_AUTHOR, HIDDEN, UNHIDDEN
}
