package se.kommun.moderation.cases.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * Deadlines in office time. "Within one working day" means: the office time of one normal working
 * day (default 9 hours) counted from receipt, only while the office is open. A comment received on
 * Monday at 10:00 is due on Tuesday at 10:00; one received on Friday evening or a holiday is due at
 * the end of the next working day; a short day counts only until it closes early.
 */
public final class WorkingTime {

    private final SwedishCalendar calendar;
    private final OfficeHours hours;

    public WorkingTime(SwedishCalendar calendar, OfficeHours hours) {
        this.calendar = calendar;
        this.hours = hours;
    }

    /** The deadline for an answer to something received at {@code received}. */
    public Instant oneWorkingDayAfter(Instant received) {
        return after(received, Duration.between(hours.opens(), hours.closes()));
    }

    /** The instant when {@code officeTime} of open office time has passed since {@code start}. */
    public Instant after(Instant start, Duration officeTime) {
        if (officeTime.isNegative()) {
            throw new IllegalArgumentException("office time must not be negative");
        }
        Duration left = officeTime;
        LocalDate day = start.atZone(hours.zone()).toLocalDate();
        // A working day occurs at least every few days; ten years of closures is a broken calendar.
        for (int guard = 0; guard < 3660; guard++, day = day.plusDays(1)) {
            if (calendar.isClosed(day)) {
                continue;
            }
            Instant opens = at(day, hours.opens());
            Instant closes = at(day, calendar.isShort(day) ? hours.closesOnShortDays() : hours.closes());
            Instant from = start.isAfter(opens) ? start : opens;
            if (!from.isBefore(closes)) {
                continue;
            }
            Duration available = Duration.between(from, closes);
            if (available.compareTo(left) >= 0) {
                return from.plus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalStateException("no working day within ten years of " + start);
    }

    /** Whether the office is open at that instant. */
    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(hours.zone());
        LocalDate day = local.toLocalDate();
        if (calendar.isClosed(day)) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        LocalTime closes = calendar.isShort(day) ? hours.closesOnShortDays() : hours.closes();
        return !time.isBefore(hours.opens()) && time.isBefore(closes);
    }

    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, hours.zone()).toInstant();
    }
}
