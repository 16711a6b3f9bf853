package se.kommun.moderation.ingest.delivery.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The platforms' ways of writing a time: Unix seconds or milliseconds, ISO-8601 with or without a colon. */
public final class Timestamps {

    private static final DateTimeFormatter ISO_FLEXIBLE_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    /** Unix seconds written as a string; compiled once, as it is asked of every such timestamp. */
    private static final Pattern UNIX_SECONDS = Pattern.compile("\\d{1,12}");

    private static final DateTimeFormatter X_CREATED_AT =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

    private Timestamps() {
    }

    /** Unix seconds (number or numeric string) or ISO-8601; null when absent. */
    public static Instant unixSecondsOrIso(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber() || UNIX_SECONDS.matcher(node.asText()).matches()) {
            return Instant.ofEpochSecond(node.asLong());
        }
        return iso(node.asText());
    }

    public static Instant iso(String text) {
        try {
            return OffsetDateTime.parse(text, ISO_FLEXIBLE_OFFSET).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnreadableDeliveryException("unreadable timestamp (expected Unix seconds or ISO-8601)");
        }
    }

    /** X's v1.1 form, e.g. {@code Wed Oct 10 20:19:24 +0000 2018}. */
    public static Instant xCreatedAt(String text) {
        try {
            return OffsetDateTime.parse(text, X_CREATED_AT).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnreadableDeliveryException("unreadable created_at");
        }
    }
}
