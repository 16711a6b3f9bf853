package se.kommun.moderation.messaging.failure;

/** What a consumer's failure says about the record it was handling. */
public enum FailureKind {

    /**
     * The record itself is at fault (it cannot be read, or its own data breaks a rule or a
     * constraint): it will fail the same way every time, so it goes to its topic's dead-letter
     * topic and the partition moves on.
     */
    POISON,

    /**
     * Something the record needs is away for a while (the database or the broker): the record is
     * fine, so it is tried again in place, the partition waits and nothing is committed. Such a
     * record must never reach a dead-letter topic: that is how public records used to get lost.
     */
    TRANSIENT,

    /**
     * Neither of the above can be told from the exception. Tried again a few times (it may be a
     * transient fault we do not recognise yet), then treated as poison with the attempt count in
     * the dead letter, so that one bad record cannot stall its partition for ever.
     */
    UNKNOWN
}
