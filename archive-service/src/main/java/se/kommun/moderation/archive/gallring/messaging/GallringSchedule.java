package se.kommun.moderation.archive.gallring.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import se.kommun.moderation.archive.gallring.config.GallringConfig;
import se.kommun.moderation.archive.gallring.domain.GallringService;

/** The scheduled gallring run ({@code archive.gallring.cron}; {@code off} disables it). */
@ApplicationScoped
public class GallringSchedule {

    @Inject
    GallringService gallring;

    @Inject
    GallringConfig config;

    @Scheduled(cron = "${archive.gallring.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        gallring.run(Instant.now(), config.executedBy());
    }
}
