package se.kommun.moderation.ingest.accounts.domain;

/** DRAFT until the start checklist is complete and it is activated; CLOSED when it is shut down. */
public enum AccountStatus {
    DRAFT, ACTIVE, CLOSED
}
