package se.kommun.moderation.messaging.deadletter;

/**
 * The one header convention of every dead letter, whoever writes it (the shared failure policy, or
 * a batch consumer setting a poison record apart). The record's own key, value and headers are kept
 * as they came; these are added. All values are UTF-8 text.
 */
public final class DeadLetterHeaders {

    /** Why the record was given up, naming no content (a field, a rule or an SQLState). */
    public static final String REASON = "dlq-reason";
    /** The topic the record was consumed from (with the run's prefix, as on the broker). */
    public static final String ORIGINAL_TOPIC = "dlq-original-topic";
    /** Its partition there, a decimal number. */
    public static final String ORIGINAL_PARTITION = "dlq-original-partition";
    /** Its offset there, a decimal number: with the two above, where to re-drive it from. */
    public static final String ORIGINAL_OFFSET = "dlq-original-offset";
    /** How many times it was tried before it was given up, a decimal number (1 for known poison). */
    public static final String ATTEMPTS = "dlq-attempts";
    /** {@code poison} (the record is at fault) or {@code unknown} (given up after {@link #ATTEMPTS} tries). */
    public static final String FAILURE = "dlq-failure";
    /** The class of the exception that decided it, when there was one. */
    public static final String EXCEPTION = "dlq-exception";

    private DeadLetterHeaders() {
    }
}
