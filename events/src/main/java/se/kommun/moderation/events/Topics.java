package se.kommun.moderation.events;

import java.util.List;

/**
 * Topic names of the contract (ARCHITECTURE §3). Services prefix them with {@code topic.prefix}
 * (empty in production) so that test runs on a shared broker stay isolated.
 */
public final class Topics {

    public static final String COMMENTS_RECEIVED = "comments.received";
    public static final String COMMENTS_CLASSIFIED = "comments.classified";
    public static final String EVIDENCE_CAPTURED = "evidence.captured";
    public static final String PLATFORM_COMMANDS = "platform.commands";
    public static final String PLATFORM_RESULTS = "platform.results";
    public static final String MODERATION_DECISIONS = "moderation.decisions";
    public static final String RECORDS_CULLED = "records.culled";
    public static final String COMMENTS_QUARANTINED = "comments.quarantined";
    public static final String ACCOUNTS_CHANGED = "accounts.changed";

    /** Default partition count per topic: a consumer group scales to this many instances. */
    public static final int DEFAULT_PARTITIONS = 6;

    public static final List<String> ALL = List.of(
            COMMENTS_RECEIVED, COMMENTS_CLASSIFIED, EVIDENCE_CAPTURED, PLATFORM_COMMANDS,
            PLATFORM_RESULTS, MODERATION_DECISIONS, RECORDS_CULLED, COMMENTS_QUARANTINED,
            ACCOUNTS_CHANGED);

    private Topics() {
    }

    /** The dead-letter topic that belongs to a source topic. */
    public static String deadLetterOf(String topic) {
        return topic + ".dlq";
    }
}
