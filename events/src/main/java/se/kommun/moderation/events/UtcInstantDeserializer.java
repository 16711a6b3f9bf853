package se.kommun.moderation.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the instants of the contract. Every event carries three or more, written by the codec as
 * {@code 2026-11-29T10:15:30.123Z}; reading that form through {@code DateTimeFormatter} cost a
 * tenth of the classification-service's consuming thread, so it is read here directly. Anything
 * else (an offset, a leap second, a number) goes to Jackson's own {@link InstantDeserializer},
 * which accepts or rejects it exactly as before.
 */
final class UtcInstantDeserializer extends StdScalarDeserializer<Instant> {

    private static final int[] SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    UtcInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            Instant instant = parseUtc(parser.getText());
            if (instant != null) {
                return instant;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null when the text has any other form or is no real time. */
    static Instant parseUtc(String text) {
        int length = text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            int fraction = digits(text, 20, fractionDigits);
            if (text.charAt(19) != '.' || fraction < 0) {
                return null;
            }
            nanos = fraction * SCALE[fractionDigits];
        }
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(LocalDateTime.of(year, month, day, hour, minute, second)
                    .toEpochSecond(ZoneOffset.UTC), nanos);
        } catch (DateTimeException notARealTime) {
            return null; // e.g. 24:00 or a leap second: the standard reader decides
        }
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
