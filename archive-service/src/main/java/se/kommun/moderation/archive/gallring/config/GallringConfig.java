package se.kommun.moderation.archive.gallring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/**
 * Gallring: when and under which culling decisions (gallringsbeslut) the archive culls content.
 * Everything no rule covers is kept.
 */
@ConfigMapping(prefix = "archive.gallring")
public interface GallringConfig {

    /** Quartz-style cron of the scheduled run; {@code off} disables it (the API still runs it). */
    @WithDefault("0 30 2 * * ?")
    String cron();

    /** Recorded in the protocol as who executed a scheduled run. */
    @WithDefault("archive-service (scheduled gallring)")
    String executedBy();

    /** Records culled per transaction-sized step of a run. */
    @WithDefault("200")
    int batchSize();

    /** Candidates looked at per run at most (a run that hits it says so; the next run continues). */
    @WithDefault("100000")
    int maxPerRun();

    /** The rules by name. */
    Map<String, Rule> rules();

    interface Rule {

        /** The route the rule covers (CRIMINAL, CONFIDENTIAL, COMPLAINT, TRIVIAL). */
        String route();

        /** Narrows the rule to one subtype; a subtype rule outranks its route's general rule. */
        Optional<String> subtype();

        /** Days after receipt (of the record's latest version) when it is culled; absent = kept. */
        Optional<Integer> afterDays();

        /** The culling decision's reference (dnr + §). A rule without one culls nothing. */
        Optional<String> decisionReference();
    }
}
