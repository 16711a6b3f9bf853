package se.kommun.moderation.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

@ConfigMapping(prefix = "case")
public interface CaseConfig {

    Registry registry();

    interface Registry {

        /** The registry (diarium) new cases are registered in. */
        @WithDefault("KS")
        String name();

        /** Diary number format: {year}, {seq} or {seq:N} (zero-padded to N digits). */
        @WithDefault("KS {year}/{seq}")
        String format();

        /** The municipality's time zone: it decides which year a registration falls in. */
        @WithDefault("Europe/Stockholm")
        ZoneId zone();
    }
}
