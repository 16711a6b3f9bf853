package se.kommun.moderation.archive.records.rest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Query parameters, checked: a bad one is a 400 that names it and says why (never echoing content). */
public final class Params {

    /** Dates without a time are days in the municipality's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private Params() {
    }

    public static int intParam(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name + " must be a whole number");
        }
        if (value < min || value > max) {
            throw new InvalidParameterException(name + " must be between " + min + " and " + max);
        }
        return value;
    }

    /**
     * An ISO instant ({@code 2026-11-29T10:00:00Z}) or a date ({@code 2026-11-29}); a date as an upper
     * bound means the end of that day (exclusive start of the next).
     */
    public static Instant instantParam(String name, String raw, boolean upperBound) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (upperBound ? day.plusDays(1) : day).atStartOfDay(ZONE).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new InvalidParameterException(name + " must be a date (2026-11-29) or an instant (2026-11-29T10:00:00Z)");
        }
    }

    /** Thrown for a bad parameter; mapped to 400 with the reason. */
    public static final class InvalidParameterException extends RuntimeException {
        public InvalidParameterException(String message) {
            super(message);
        }
    }
}
