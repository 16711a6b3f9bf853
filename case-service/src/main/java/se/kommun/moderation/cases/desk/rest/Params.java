package se.kommun.moderation.cases.desk.rest;

import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Request parameter parsing with a 400 that names the allowed values. */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String name) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** An ISO-8601 instant ({@code 2026-12-01T00:00:00Z}); not a date alone, whose day would depend on a zone. */
    public static Instant parseInstant(String value, String name) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    /** {@code true} or {@code false}; absent is false. Anything else is refused rather than read as false. */
    public static boolean parseBoolean(String value, String name) {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequestException(name + " must be true or false");
        };
    }
}
