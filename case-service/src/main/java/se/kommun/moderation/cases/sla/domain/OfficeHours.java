package se.kommun.moderation.cases.sla.domain;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When the office answers: opening and closing time on a normal working day, the closing time on a
 * short day, and the municipality's time zone (office hours are wall-clock times, so they keep
 * their meaning across the DST changes).
 */
public record OfficeHours(LocalTime opens, LocalTime closes, LocalTime closesOnShortDays, ZoneId zone) {

    public static final OfficeHours DEFAULT = new OfficeHours(LocalTime.of(8, 0), LocalTime.of(17, 0),
            LocalTime.of(13, 0), ZoneId.of("Europe/Stockholm"));

    public OfficeHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(closesOnShortDays, "closesOnShortDays");
        Objects.requireNonNull(zone, "zone");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("office hours must open before they close: " + opens + "–" + closes);
        }
        if (closesOnShortDays.isBefore(opens) || closesOnShortDays.isAfter(closes)) {
            throw new IllegalArgumentException("a short day must close between " + opens + " and " + closes);
        }
    }
}
