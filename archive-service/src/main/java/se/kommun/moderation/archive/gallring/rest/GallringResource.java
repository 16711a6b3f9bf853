package se.kommun.moderation.archive.gallring.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import se.kommun.moderation.archive.gallring.domain.GallringPlanner;
import se.kommun.moderation.archive.gallring.domain.GallringService;
import se.kommun.moderation.archive.gallring.domain.RetentionRule;
import se.kommun.moderation.archive.gallring.persistence.GallringRepository;
import se.kommun.moderation.archive.records.rest.Params;

/** Gallring: its dry-run report, a run on demand, and the protocol. */
@Path("/gallring")
@Produces(MediaType.APPLICATION_JSON)
public class GallringResource {

    @Inject
    GallringService gallring;

    @Inject
    GallringRepository repository;

    @Inject
    SecurityIdentity identity;

    public record RuleView(String name, String route, String subtype, Long cullAfterDays, String decisionReference,
            boolean culls) {
        static RuleView of(RetentionRule r) {
            return new RuleView(r.name(), r.route().name(), r.subtype().orElse(null),
                    r.cullAfter().map(d -> d.toDays()).orElse(null), r.decisionReference().orElse(null), r.culls());
        }
    }

    public record VerdictView(String commentKey, String route, String subtype, String classifiedRoute, String rule,
            String decisionReference, Instant firstReceivedAt, Instant lastReceivedAt, Instant dueAt, String legalHold,
            String reason) {
        static VerdictView of(GallringPlanner.Verdict v) {
            var c = v.candidate();
            return new VerdictView(c == null ? null : c.commentKey(), c == null || c.route() == null ? null : c.route().name(),
                    c == null ? null : c.subtype(), c == null ? null : c.classifiedRoute(),
                    v.rule() == null ? null : v.rule().name(),
                    v.rule() == null ? null : v.rule().decisionReference().orElse(null),
                    c == null ? null : c.firstReceivedAt(), c == null ? null : c.lastReceivedAt(), v.dueAt(),
                    c == null ? null : c.activeHold(), v.reason());
        }
    }

    public record ReportView(Instant at, boolean dryRun, String executedBy, List<RuleView> rules, int culledCount,
            List<VerdictView> culled, int keptCount, List<VerdictView> kept, boolean truncated, String note) {
        static ReportView of(GallringService.Report r) {
            return new ReportView(r.at(), r.dryRun(), r.executedBy(), r.rules().stream().map(RuleView::of).toList(),
                    r.culled().size(), r.culled().stream().map(VerdictView::of).toList(),
                    r.kept().size(), r.kept().stream().map(VerdictView::of).toList(), r.truncated(), r.note());
        }
    }

    @GET
    @Path("/dry-run")
    @RolesAllowed({"archivist", "registrar"})
    public ReportView dryRun(@QueryParam("limit") String limit) {
        int max = Params.intParam("limit", limit, 1000, 1, 100_000);
        return ReportView.of(gallring.dryRun(Instant.now(), max));
    }

    @POST
    @Path("/run")
    @RolesAllowed("archivist")
    public ReportView run() {
        return ReportView.of(gallring.run(Instant.now(), identity.getPrincipal().getName() + " (archivist, via API)"));
    }

    public record ProtocolPage(int page, int size, List<GallringRepository.ProtocolRow> rows) {
    }

    @GET
    @Path("/protocol")
    @RolesAllowed({"archivist", "registrar"})
    public ProtocolPage protocol(@QueryParam("commentKey") String commentKey, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") String page, @QueryParam("size") String size) {
        int p = Params.intParam("page", page, 0, 0, 1_000_000);
        int s = Params.intParam("size", size, 50, 1, 500);
        Instant f = Params.instantParam("from", from, false);
        Instant t = Params.instantParam("to", to, true);
        if (f != null && t != null && !f.isBefore(t)) {
            throw new Params.InvalidParameterException("from must be before to");
        }
        String key = commentKey == null || commentKey.isBlank() ? null : commentKey;
        List<GallringRepository.ProtocolRow> rows = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = repository.connection()) {
                return repository.protocol(c, key, f, t, p * s, s);
            }
        });
        return new ProtocolPage(p, s, rows);
    }

}
