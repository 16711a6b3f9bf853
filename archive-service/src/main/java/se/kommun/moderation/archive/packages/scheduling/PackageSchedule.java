package se.kommun.moderation.archive.packages.scheduling;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;
import se.kommun.moderation.archive.packages.domain.HalfYear;
import se.kommun.moderation.archive.packages.domain.PackageDeliveries;
import se.kommun.moderation.archive.packages.persistence.ArchivePackageEntity;

/**
 * Delivers, at least twice a year ({@code archive.packages.cron}), one package per account for the
 * half-year that ended last. A delivery already made for an account and period is not repeated
 * (also across instances: a unique index guards it), so a late or repeated run is harmless.
 */
@ApplicationScoped
public class PackageSchedule {

    private static final Logger LOG = Logger.getLogger(PackageSchedule.class);
    static final String SCHEDULER = "scheduler";

    @Inject
    PackageDeliveries deliveries;

    @Scheduled(identity = "archive-packages", cron = "{archive.packages.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        deliverEndedHalfYear(Instant.now());
    }

    /** Delivers the half-year before the one {@code now} falls in; returns how many packages were built. */
    public int deliverEndedHalfYear(Instant now) {
        HalfYear period = HalfYear.containing(now, deliveries.zone()).previous();
        int built = 0;
        for (String[] account : deliveries.accounts(period)) {
            if (deliveries.deliveredOnSchedule(account[0], account[1], period)) {
                continue;
            }
            try {
                deliveries.deliver(account[0], account[1], period, ArchivePackageEntity.SCHEDULED, SCHEDULER);
                built++;
            } catch (PackageDeliveries.NothingToDeliver e) {
                // everything of the account in the period was culled: nothing to send
            } catch (RuntimeException e) {
                // Another instance delivered it meanwhile (unique index), or the build failed: the
                // next run tries the accounts still missing.
                LOG.warnf("scheduled package for an account in %s not built: %s", period, e.getClass().getName());
            }
        }
        LOG.infof("scheduled archive packages for %s: %d built", period, built);
        return built;
    }
}
