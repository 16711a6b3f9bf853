package se.kommun.moderation.messaging.deadletter;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import se.kommun.moderation.messaging.failure.FailureKind;

/**
 * A record given up, with why and where it came from. It goes to {@code <original topic>.dlq}
 * under its own key, with its own value and headers plus the {@link DeadLetterHeaders}.
 *
 * @param exception the class name of the deciding exception, or null when the domain set the
 *                  record apart without one
 */
public record DeadLetter(ConsumerRecord<String, String> source, FailureKind failure, String reason,
        int attempts, String exception) {

    /** The dead-letter topic of the record's topic. */
    public String topic() {
        return deadLetterTopicOf(source.topic());
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + ".dlq";
    }

    /** The record's headers and the dead-letter headers. */
    public Headers headers() {
        RecordHeaders headers = new RecordHeaders(source.headers().toArray());
        put(headers, DeadLetterHeaders.REASON, reason);
        put(headers, DeadLetterHeaders.ORIGINAL_TOPIC, source.topic());
        put(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(source.partition()));
        put(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(source.offset()));
        put(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(attempts));
        put(headers, DeadLetterHeaders.FAILURE, failure == FailureKind.UNKNOWN ? "unknown" : "poison");
        if (exception != null) {
            put(headers, DeadLetterHeaders.EXCEPTION, exception);
        }
        return headers;
    }

    private static void put(RecordHeaders headers, String name, String value) {
        // A record re-driven from a dead-letter topic and failing again carries the new reason only.
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
