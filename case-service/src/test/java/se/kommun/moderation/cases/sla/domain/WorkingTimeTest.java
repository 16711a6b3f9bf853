package se.kommun.moderation.cases.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One working day of office time (Mon–Fri 08–17 Europe/Stockholm, short days close at 13). */
class WorkingTimeTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private final WorkingTime time = new WorkingTime(SwedishCalendar.withAllShortDays(), OfficeHours.DEFAULT);

    @ParameterizedTest(name = "received {0} → due {1}")
    @CsvSource({
            // an ordinary Tuesday → the same time on Wednesday
            "2026-11-24T10:00, 2026-11-25T10:00",
            // before opening / after closing / on a weekend: the whole next working day
            "2026-11-24T06:30, 2026-11-24T17:00",
            "2026-11-24T18:00, 2026-11-25T17:00",
            "2026-11-28T12:00, 2026-11-30T17:00",
            // Friday afternoon → Monday afternoon
            "2026-11-27T16:00, 2026-11-30T16:00",
            // Easter 2026: Wednesday 10:00 → 7 h + skärtorsdagen 08–13 (5 h): due Thursday 10:00
            "2026-04-01T10:00, 2026-04-02T10:00",
            // skärtorsdagen 12:00: 1 h, then långfredag, the weekend and annandag påsk are closed
            "2026-04-02T12:00, 2026-04-07T16:00",
            // midsommarafton (Fri 19 June 2026) is closed
            "2026-06-18T10:00, 2026-06-22T10:00",
            // julafton, juldagen, annandag jul 2026 (Thu–Sat)
            "2026-12-23T10:00, 2026-12-28T10:00",
            // nyårsafton and nyårsdagen 2026/27 (Thu, Fri)
            "2026-12-30T16:00, 2027-01-04T16:00",
            // trettondagsafton 2027 (Tue, short: 5 h) and trettondedag jul (Wed)
            "2027-01-04T16:00, 2027-01-07T11:00",
            "2027-01-05T12:00, 2027-01-07T16:00",
            // Kristi himmelsfärd 2027 (Thu 6 May) with its short eve
            "2027-05-05T12:00, 2027-05-07T16:00",
            // 2028: valborgsmässoafton is a Sunday, första maj a Monday
            "2028-04-28T16:00, 2028-05-02T16:00",
            // alla helgons dag 2025 (Sat 1 Nov): Friday 31 Oct is short (5 h)
            "2025-10-30T16:00, 2025-11-03T11:00",
            // nationaldagen 2025 (Fri 6 June) with its short eve, midsommarafton 2025 (Fri 20 June)
            "2025-06-05T10:00, 2025-06-09T14:00",
            "2025-06-19T09:00, 2025-06-23T09:00"})
    void oneWorkingDayAfterReceipt(String received, String due) {
        assertThat(time.oneWorkingDayAfter(local(received))).isEqualTo(local(due));
    }

    @Test
    void acrossTheSpringDstChangeTheDeadlineKeepsItsWallClockTime() {
        // Friday 27 March 2026 16:00 CET (15:00Z); clocks go forward on Sunday 29 March.
        Instant received = Instant.parse("2026-03-27T15:00:00Z");
        Instant due = time.oneWorkingDayAfter(received);
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T14:00:00Z"));
        assertThat(due.atZone(STOCKHOLM).toLocalTime()).isEqualTo(LocalTime.of(16, 0));
    }

    @Test
    void acrossTheAutumnDstChangeTheDeadlineKeepsItsWallClockTime() {
        // Friday 23 October 2026 16:00 CEST (14:00Z); clocks go back on Sunday 25 October.
        Instant received = Instant.parse("2026-10-23T14:00:00Z");
        Instant due = time.oneWorkingDayAfter(received);
        assertThat(due).isEqualTo(Instant.parse("2026-10-26T15:00:00Z"));
        assertThat(due.atZone(STOCKHOLM).toLocalTime()).isEqualTo(LocalTime.of(16, 0));
    }

    @Test
    void officeHoursAreConfigurable() {
        WorkingTime shorter = new WorkingTime(SwedishCalendar.withAllShortDays(),
                new OfficeHours(LocalTime.of(8, 0), LocalTime.of(16, 30), LocalTime.of(12, 0), STOCKHOLM));
        // 8.5 h of office time: Tuesday 16:00 → 0.5 h, then Wednesday 08:00 + 8 h
        assertThat(shorter.oneWorkingDayAfter(local("2026-11-24T16:00"))).isEqualTo(local("2026-11-25T16:00"));
        assertThat(shorter.after(local("2026-11-24T16:00"), Duration.ZERO)).isEqualTo(local("2026-11-24T16:00"));
    }

    @Test
    void knowsWhenTheOfficeIsOpen() {
        assertThat(time.isOpen(local("2026-11-24T08:00"))).isTrue();
        assertThat(time.isOpen(local("2026-11-24T17:00"))).isFalse();
        assertThat(time.isOpen(local("2026-04-02T13:30"))).isFalse();
        assertThat(time.isOpen(local("2026-12-24T10:00"))).isFalse();
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(STOCKHOLM).toInstant();
    }
}
