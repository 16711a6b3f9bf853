package se.kommun.moderation.archive.packages.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A half-year, {@code 2026-H1} (January–June) or {@code 2026-H2} (July–December), in a given time zone. */
public record HalfYear(int year, int half) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})-H([12])");

    public HalfYear {
        if (half != 1 && half != 2) {
            throw new IllegalArgumentException("half must be 1 or 2");
        }
        if (year < 1970 || year > 9999) {
            throw new IllegalArgumentException("year out of range");
        }
    }

    public static HalfYear parse(String value) {
        Matcher m = value == null ? null : FORM.matcher(value.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("period must look like 2026-H1 or 2026-H2");
        }
        return new HalfYear(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static HalfYear containing(Instant instant, ZoneId zone) {
        ZonedDateTime at = instant.atZone(zone);
        return new HalfYear(at.getYear(), at.getMonthValue() <= 6 ? 1 : 2);
    }

    public HalfYear previous() {
        return half == 2 ? new HalfYear(year, 1) : new HalfYear(year - 1, 2);
    }

    public HalfYear next() {
        return half == 1 ? new HalfYear(year, 2) : new HalfYear(year + 1, 1);
    }

    /** The first instant of the half-year (midnight local time). */
    public Instant start(ZoneId zone) {
        return LocalDate.of(year, half == 1 ? 1 : 7, 1).atStartOfDay(zone).toInstant();
    }

    /** The first instant after the half-year. */
    public Instant end(ZoneId zone) {
        return next().start(zone);
    }

    @Override
    public String toString() {
        return year + "-H" + half;
    }
}
