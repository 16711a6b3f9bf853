package se.kommun.moderation.events;

import java.time.Instant;

/**
 * The contract's instants exactly as {@link Instant#toString()} writes them (ISO-8601 in UTC,
 * fraction in groups of three digits, none when zero), as ASCII bytes, without {@code LocalDateTime}
 * or {@code DateTimeFormatter}: every event carries three or more instants, and at batches of 50
 * comments their formatting was a tenth of the ingest edge's event-writing time. The date comes from
 * the days since the epoch by Howard Hinnant's {@code civil_from_days}.
 */
final class IsoInstants {

    /** {@code 2026-11-29T10:15:30.123456789Z}. */
    static final int MAX_LENGTH = 30;

    private static final long YEAR_0000 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;
    private static final int SECONDS_PER_DAY = 86_400;
    /** Days from 0000-03-01 to 1970-01-01, and in one 400-year era. */
    private static final long EPOCH_SHIFT = 719_468;
    private static final long DAYS_PER_ERA = 146_097;

    private IsoInstants() {
    }

    /**
     * Writes {@code instant} at {@code out[at]} and returns the number of bytes written, or -1 (and
     * writes nothing) for a year outside 0000–9999, which {@link Instant#toString()} writes in another
     * form. {@code out} must have {@link #MAX_LENGTH} bytes free at {@code at}.
     */
    static int writeInto(Instant instant, byte[] out, int at) {
        long seconds = instant.getEpochSecond();
        if (seconds < YEAR_0000 || seconds >= YEAR_10000) {
            return -1;
        }
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        long shifted = days + EPOCH_SHIFT; // from 0000-03-01, so that a leap day ends its year
        long era = Math.floorDiv(shifted, DAYS_PER_ERA);
        long dayOfEra = shifted - era * DAYS_PER_ERA;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
        int month = (int) (monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

        int end = at;
        end = digits(out, end, year, 4);
        out[end++] = '-';
        end = digits(out, end, month, 2);
        out[end++] = '-';
        end = digits(out, end, day, 2);
        out[end++] = 'T';
        end = digits(out, end, secondOfDay / 3600, 2);
        out[end++] = ':';
        end = digits(out, end, secondOfDay / 60 % 60, 2);
        out[end++] = ':';
        end = digits(out, end, secondOfDay % 60, 2);
        int nanos = instant.getNano();
        if (nanos > 0) {
            out[end++] = '.';
            if (nanos % 1_000_000 == 0) {
                end = digits(out, end, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                end = digits(out, end, nanos / 1_000, 6);
            } else {
                end = digits(out, end, nanos, 9);
            }
        }
        out[end++] = 'Z';
        return end - at;
    }

    /** {@code value} as exactly {@code width} decimal digits, zero-padded; returns the end. */
    private static int digits(byte[] out, int at, int value, int width) {
        int remaining = value;
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + remaining % 10);
            remaining /= 10;
        }
        return at + width;
    }
}
