package se.kommun.moderation.events;

/** What a platform command asks the ingest-service to do to a comment. */
public enum CommandAction {
    HIDE,
    DELETE,
    REPLY;

    /** Hiding and deleting take content out of public view: they need saved evidence first. */
    public boolean removesContent() {
        return this != REPLY;
    }
}
