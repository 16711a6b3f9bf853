package se.kommun.moderation.cases.sla.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Swedish working calendar: which days an office is closed and which are short.
 *
 * <p>Closed: Saturdays, Sundays, the public holidays of lag (1989:253) and the eves that lag
 * (1930:173) 2 § treats like them (midsommarafton, julafton, nyårsafton). Short ("dag före röd
 * dag"): local practice, not law, so which of them apply is configuration.
 */
public final class SwedishCalendar {

    /** The eves on which municipalities commonly close early. */
    public enum ShortDay {
        TRETTONDAGSAFTON,
        SKARTORSDAGEN,
        VALBORGSMASSOAFTON,
        DAGEN_FORE_KRISTI_HIMMELSFARD,
        DAGEN_FORE_NATIONALDAGEN,
        DAGEN_FORE_ALLA_HELGONS_DAG
    }

    private final Set<ShortDay> shortDays;
    private final Map<Integer, Map<LocalDate, String>> closedByYear = new ConcurrentHashMap<>();
    private final Map<Integer, Map<LocalDate, ShortDay>> shortByYear = new ConcurrentHashMap<>();

    public SwedishCalendar(Set<ShortDay> shortDays) {
        this.shortDays = shortDays.isEmpty() ? EnumSet.noneOf(ShortDay.class) : EnumSet.copyOf(shortDays);
    }

    public static SwedishCalendar withAllShortDays() {
        return new SwedishCalendar(EnumSet.allOf(ShortDay.class));
    }

    /** Easter Sunday (Gregorian computus, the anonymous "Meeus/Jones/Butcher" algorithm). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    /**
     * The weekday closures of a year with their names: public holidays (lag 1989:253) and the eves
     * of lag 1930:173. Sundays and Saturdays are closed anyway and not listed unless named.
     */
    public Map<LocalDate, String> closedDays(int year) {
        return closedByYear.computeIfAbsent(year, SwedishCalendar::computeClosed);
    }

    /** The configured short days of a year that fall on an otherwise open day. */
    public Map<LocalDate, ShortDay> shortDays(int year) {
        return shortByYear.computeIfAbsent(year, this::computeShort);
    }

    public boolean isClosed(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY || closedDays(day.getYear()).containsKey(day);
    }

    public boolean isShort(LocalDate day) {
        return !isClosed(day) && shortDays(day.getYear()).containsKey(day);
    }

    private static Map<LocalDate, String> computeClosed(int year) {
        LocalDate easter = easterSunday(year);
        Map<LocalDate, String> days = new LinkedHashMap<>();
        days.put(LocalDate.of(year, 1, 1), "nyårsdagen");
        days.put(LocalDate.of(year, 1, 6), "trettondedag jul");
        days.put(easter.minusDays(2), "långfredagen");
        days.put(easter, "påskdagen");
        days.put(easter.plusDays(1), "annandag påsk");
        days.put(LocalDate.of(year, 5, 1), "första maj");
        days.put(easter.plusDays(39), "Kristi himmelsfärdsdag");
        days.put(easter.plusDays(49), "pingstdagen");
        days.put(LocalDate.of(year, 6, 6), "Sveriges nationaldag");
        LocalDate midsommardagen = LocalDate.of(year, 6, 20).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        days.put(midsommardagen.minusDays(1), "midsommarafton");
        days.put(midsommardagen, "midsommardagen");
        days.put(LocalDate.of(year, 10, 31).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)), "alla helgons dag");
        days.put(LocalDate.of(year, 12, 24), "julafton");
        days.put(LocalDate.of(year, 12, 25), "juldagen");
        days.put(LocalDate.of(year, 12, 26), "annandag jul");
        days.put(LocalDate.of(year, 12, 31), "nyårsafton");
        return Collections.unmodifiableMap(days);
    }

    private Map<LocalDate, ShortDay> computeShort(int year) {
        LocalDate easter = easterSunday(year);
        Map<LocalDate, ShortDay> candidates = new LinkedHashMap<>();
        candidates.put(LocalDate.of(year, 1, 5), ShortDay.TRETTONDAGSAFTON);
        candidates.put(easter.minusDays(3), ShortDay.SKARTORSDAGEN);
        candidates.put(LocalDate.of(year, Month.APRIL, 30), ShortDay.VALBORGSMASSOAFTON);
        candidates.put(easter.plusDays(38), ShortDay.DAGEN_FORE_KRISTI_HIMMELSFARD);
        candidates.put(LocalDate.of(year, 6, 5), ShortDay.DAGEN_FORE_NATIONALDAGEN);
        candidates.put(LocalDate.of(year, 10, 31).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)).minusDays(1),
                ShortDay.DAGEN_FORE_ALLA_HELGONS_DAG);
        Map<LocalDate, ShortDay> result = new LinkedHashMap<>();
        candidates.forEach((day, kind) -> {
            if (shortDays.contains(kind)) {
                result.put(day, kind);
            }
        });
        return Collections.unmodifiableMap(result);
    }
}
