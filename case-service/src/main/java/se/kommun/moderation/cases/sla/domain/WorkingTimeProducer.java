package se.kommun.moderation.cases.sla.domain;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import se.kommun.moderation.cases.config.CaseConfig;

/** The municipality's working time, from configuration. */
public class WorkingTimeProducer {

    @Produces
    @Singleton
    WorkingTime workingTime(CaseConfig config) {
        CaseConfig.Sla sla = config.sla();
        EnumSet<SwedishCalendar.ShortDay> shortDays = EnumSet.noneOf(SwedishCalendar.ShortDay.class);
        shortDays.addAll(sla.shortDays());
        return new WorkingTime(new SwedishCalendar(shortDays),
                new OfficeHours(sla.opens(), sla.closes(), sla.closesOnShortDays(), config.registry().zone()));
    }
}
