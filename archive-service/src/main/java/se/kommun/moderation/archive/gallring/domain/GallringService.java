package se.kommun.moderation.archive.gallring.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import se.kommun.moderation.archive.gallring.config.GallringConfig;
import se.kommun.moderation.archive.gallring.persistence.GallringRepository;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.Route;

/**
 * Runs gallring: finds the records whose retention has run, judges each with the
 * {@link GallringPlanner}, and culls each due record in its own transaction, re-checking it there
 * under the comment's lock (a hold or a new version that arrived since the scan wins).
 */
@ApplicationScoped
public class GallringService {

    private static final Logger LOG = Logger.getLogger(GallringService.class);

    private final GallringPlanner planner;
    private final GallringConfig config;

    @Inject
    GallringRepository repository;

    @Inject
    Event<GallringRan> ran;

    /** Fired after a run that culled something, so that records.culled goes out at once. */
    public record GallringRan(int culled) {
    }

    @Inject
    GallringService(GallringConfig config) {
        this.config = config;
        this.planner = new GallringPlanner(rules(config.rules()));
    }

    static List<RetentionRule> rules(Map<String, GallringConfig.Rule> configured) {
        List<RetentionRule> rules = new ArrayList<>();
        configured.forEach((name, r) -> {
            Route route;
            try {
                route = Route.valueOf(r.route().trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("archive.gallring.rules." + name + ".route: unknown route " + r.route(), e);
            }
            rules.add(new RetentionRule(name, route, r.subtype(), r.afterDays().map(Duration::ofDays),
                    r.decisionReference()));
        });
        return rules;
    }

    public GallringPlanner planner() {
        return planner;
    }

    public record Report(Instant at, boolean dryRun, String executedBy, List<RetentionRule> rules,
            List<GallringPlanner.Verdict> culled, List<GallringPlanner.Verdict> kept, boolean truncated, String note) {
    }

    /** What a run would cull now, and the due records it would keep and why. Changes nothing. */
    public Report dryRun(Instant now, int limit) {
        Optional<Instant> threshold = threshold(now);
        if (threshold.isEmpty()) {
            return new Report(now, true, null, planner.rules(), List.of(), List.of(), false, noRulesNote());
        }
        List<GallringCandidate> candidates = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = repository.connection()) {
                return repository.candidates(c, threshold.get(), limit + 1);
            }
        });
        boolean truncated = candidates.size() > limit;
        List<GallringPlanner.Verdict> cull = new ArrayList<>();
        List<GallringPlanner.Verdict> keep = new ArrayList<>();
        candidates.stream().limit(limit).map(c -> planner.judge(c, now))
                .forEach(v -> (v.culls() ? cull : keep).add(v));
        return new Report(now, true, null, planner.rules(), cull, keep, truncated, null);
    }

    /** Culls every record that is due now; idempotent (culled content is not there to cull twice). */
    public Report run(Instant now, String executedBy) {
        Optional<Instant> threshold = threshold(now);
        if (threshold.isEmpty()) {
            return new Report(now, false, executedBy, planner.rules(), List.of(), List.of(), false, noRulesNote());
        }
        List<GallringPlanner.Verdict> culled = new ArrayList<>();
        List<GallringPlanner.Verdict> kept = new ArrayList<>();
        List<GallringCandidate> candidates = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = repository.connection()) {
                return repository.candidates(c, threshold.get(), config.maxPerRun() + 1);
            }
        });
        boolean truncated = candidates.size() > config.maxPerRun();
        for (GallringCandidate candidate : candidates.stream().limit(config.maxPerRun()).toList()) {
            GallringPlanner.Verdict verdict = planner.judge(candidate, now);
            if (!verdict.culls()) {
                kept.add(verdict);
                continue;
            }
            GallringPlanner.Verdict done = QuarkusTransaction.requiringNew().call(() -> cullOne(candidate.commentKey(), now, executedBy));
            (done.culls() ? culled : kept).add(done);
        }
        LOG.infof("gallring: %d records culled, %d due records kept (held or route unknown)%s", culled.size(),
                kept.size(), truncated ? "; more remain for the next run" : "");
        if (!culled.isEmpty()) {
            ran.fireAsync(new GallringRan(culled.size()));
        }
        return new Report(now, false, executedBy, planner.rules(), culled, kept, truncated, null);
    }

    private GallringPlanner.Verdict cullOne(String commentKey, Instant now, String executedBy) throws SQLException {
        try (Connection c = repository.connection()) {
            repository.lock(c, commentKey);
            GallringCandidate fresh = repository.candidate(c, commentKey).orElse(null);
            if (fresh == null) {
                return new GallringPlanner.Verdict(null, GallringPlanner.Action.KEEP, null, null, "already culled");
            }
            GallringPlanner.Verdict verdict = planner.judge(fresh, now);
            if (!verdict.culls()) {
                return verdict;
            }
            RetentionRule rule = verdict.rule();
            repository.cull(c, commentKey, lastVersion -> {
                UUID protocolId = EventIds.derive("gallring-protocol", commentKey, Integer.toString(lastVersion));
                return new GallringRepository.Protocol(protocolId, EventIds.derive("records.culled", protocolId.toString()),
                        commentKey, fresh.route(), fresh.subtype(), rule.name(), rule.decisionReference().orElseThrow(),
                        fresh.firstReceivedAt(), fresh.lastReceivedAt(), now, executedBy);
            });
            return verdict;
        }
    }

    /** Records whose latest version arrived before this may be due; empty when no rule culls at all. */
    private Optional<Instant> threshold(Instant now) {
        return planner.rules().stream().filter(RetentionRule::culls)
                .map(r -> r.cullAfter().orElseThrow())
                .min(Duration::compareTo)
                .map(now::minus);
    }

    private String noRulesNote() {
        return "no rule has both a retention period and a culling decision reference: nothing is culled";
    }
}
