package se.kommun.moderation.archive.packages.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/**
 * {@code archive.packages.*}: the deliveries to the city archive. The schedule itself is
 * {@code archive.packages.cron} (read by the scheduler; {@code off} disables it).
 */
@ConfigMapping(prefix = "archive.packages")
public interface PackagesConfig {

    /** Quartz-style cron of the scheduled deliveries; each run delivers the half-year that ended last. */
    @WithDefault("0 0 2 2 1,7 ?")
    String cron();

    /** Time zone of the half-years and of the schedule. */
    @WithDefault("Europe/Stockholm")
    ZoneId zone();

    /** The organisation whose records these are (the arkivbildare), named in METS as ARCHIVIST. */
    @WithDefault("Kommunen")
    String organisation();

    /** Who receives the packages (the city archive), named in METS as PRESERVATION. */
    @WithDefault("Stadsarkivet")
    String recipient();
}
