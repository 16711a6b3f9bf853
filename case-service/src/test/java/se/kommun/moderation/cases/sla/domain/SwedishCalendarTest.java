package se.kommun.moderation.cases.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.cases.sla.domain.SwedishCalendar.ShortDay;

/** Against the computed table in domain.md §4.1 (2025–2027 checked against tidochdatum.se). */
class SwedishCalendarTest {

    private final SwedishCalendar calendar = SwedishCalendar.withAllShortDays();

    @ParameterizedTest(name = "{0}: Easter {1}")
    @CsvSource({
            "2025, 04-20, 04-18, 04-17, 05-29, 06-08, 06-21, 11-01",
            "2026, 04-05, 04-03, 04-02, 05-14, 05-24, 06-20, 10-31",
            "2027, 03-28, 03-26, 03-25, 05-06, 05-16, 06-26, 11-06",
            "2028, 04-16, 04-14, 04-13, 05-25, 06-04, 06-24, 11-04"})
    void movableFeastsMatchTheTable(int year, String easter, String goodFriday, String maundyThursday,
            String ascension, String pentecost, String midsummerDay, String allSaints) {
        assertThat(SwedishCalendar.easterSunday(year)).isEqualTo(day(year, easter));
        assertThat(calendar.closedDays(year))
                .containsEntry(day(year, goodFriday), "långfredagen")
                .containsEntry(day(year, easter), "påskdagen")
                .containsEntry(day(year, easter).plusDays(1), "annandag påsk")
                .containsEntry(day(year, ascension), "Kristi himmelsfärdsdag")
                .containsEntry(day(year, pentecost), "pingstdagen")
                .containsEntry(day(year, midsummerDay), "midsommardagen")
                .containsEntry(day(year, midsummerDay).minusDays(1), "midsommarafton")
                .containsEntry(day(year, allSaints), "alla helgons dag");
        assertThat(calendar.shortDays(year))
                .containsEntry(day(year, maundyThursday), ShortDay.SKARTORSDAGEN)
                .containsEntry(day(year, ascension).minusDays(1), ShortDay.DAGEN_FORE_KRISTI_HIMMELSFARD)
                .containsEntry(day(year, allSaints).minusDays(1), ShortDay.DAGEN_FORE_ALLA_HELGONS_DAG);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2025", "2026", "2027", "2028"})
    void fixedHolidaysAndTheEvesOfLag1930_173AreClosed(int year) {
        for (String md : new String[] {"01-01", "01-06", "05-01", "06-06", "12-24", "12-25", "12-26", "12-31"}) {
            assertThat(calendar.isClosed(day(year, md))).as(year + "-" + md).isTrue();
        }
        // Annandag pingst stopped being a holiday in 2005.
        LocalDate whitMonday = SwedishCalendar.easterSunday(year).plusDays(50);
        assertThat(calendar.isClosed(whitMonday)).isFalse();
    }

    @Test
    void midsommaraftonIsAlwaysTheFridayBetweenThe19thAndThe25thOfJune() {
        for (int year = 2025; year <= 2040; year++) {
            LocalDate eve = calendar.closedDays(year).entrySet().stream()
                    .filter(e -> e.getValue().equals("midsommarafton")).findFirst().orElseThrow().getKey();
            assertThat(eve.getDayOfWeek()).hasToString("FRIDAY");
            assertThat(eve.getDayOfMonth()).isBetween(19, 25);
        }
    }

    @Test
    void aShortDayOnAClosedDayIsNotShortAndUnconfiguredShortDaysAreNormal() {
        // 2026: nationaldagen is a Saturday, so the day before is Friday 5 June: short.
        assertThat(calendar.isShort(LocalDate.of(2026, 6, 5))).isTrue();
        // 2027: 5 June is a Saturday: closed, not short.
        assertThat(calendar.isShort(LocalDate.of(2027, 6, 5))).isFalse();
        assertThat(calendar.isShort(LocalDate.of(2026, 4, 30))).isTrue();

        SwedishCalendar onlyValborg = new SwedishCalendar(EnumSet.of(ShortDay.VALBORGSMASSOAFTON));
        assertThat(onlyValborg.isShort(LocalDate.of(2026, 4, 30))).isTrue();
        assertThat(onlyValborg.isShort(LocalDate.of(2026, 1, 5))).isFalse();
        assertThat(new SwedishCalendar(EnumSet.noneOf(ShortDay.class)).shortDays(2026)).isEmpty();
    }

    private static LocalDate day(int year, String monthDay) {
        return LocalDate.parse(year + "-" + monthDay);
    }
}
