package se.kommun.moderation.classification.feedback.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import se.kommun.moderation.classification.feedback.domain.QualityReport.Agreement;
import se.kommun.moderation.classification.feedback.domain.QualityReport.DetectorAgreement;
import se.kommun.moderation.classification.feedback.domain.QualityReport.RouteAgreement;
import se.kommun.moderation.classification.feedback.domain.QualityReport.RuleSetDecisions;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.Route;

/** Builds the {@link QualityReport} from counted decisions; plain code, the counting is the database's. */
public final class QualityTally {

    /**
     * {@code count} latest decisions of one kind about classifications that chose {@code classified}
     * where the moderator decided {@code decided}; {@code detector} is null for the overall count (every
     * decision once) and names the detector otherwise (a decision counts once for each of its detectors).
     */
    public record Row(String detector, Route classified, Route decided, DecisionKind kind, long count) {
    }

    private QualityTally() {
    }

    public static QualityReport report(String ruleSetVersion, List<Row> rows, List<RuleSetDecisions> versions) {
        Cells overall = new Cells();
        Map<String, Cells> byDetector = new TreeMap<>();
        for (Row row : rows) {
            Cells cells = row.detector() == null ? overall : byDetector.computeIfAbsent(row.detector(), d -> new Cells());
            cells.add(row);
        }
        List<DetectorAgreement> detectors = new ArrayList<>();
        byDetector.forEach((detector, cells) -> {
            Agreement total = cells.total();
            detectors.add(new DetectorAgreement(detector, total.decisions(), total.confirmations(), total.overrides(),
                    total.agreementRate(), cells.routes()));
        });
        return new QualityReport(ruleSetVersion, overall.total(), overall.routes(), detectors, List.copyOf(versions));
    }

    static Double rate(long confirmations, long decisions) {
        return decisions == 0 ? null : (double) confirmations / decisions;
    }

    /** The decisions of one detector (or of all), by classified route. */
    private static final class Cells {
        private final Map<Route, long[]> kinds = new EnumMap<>(Route.class); // [confirmed, overridden]
        private final Map<Route, Map<Route, Long>> decidedAs = new EnumMap<>(Route.class);

        void add(Row row) {
            long[] counts = kinds.computeIfAbsent(row.classified(), r -> new long[2]);
            counts[row.kind() == DecisionKind.CONFIRMED ? 0 : 1] += row.count();
            decidedAs.computeIfAbsent(row.classified(), r -> new EnumMap<>(Route.class))
                    .merge(row.decided(), row.count(), Long::sum);
        }

        Agreement total() {
            long confirmed = kinds.values().stream().mapToLong(c -> c[0]).sum();
            long overridden = kinds.values().stream().mapToLong(c -> c[1]).sum();
            return new Agreement(confirmed + overridden, confirmed, overridden, rate(confirmed, confirmed + overridden));
        }

        List<RouteAgreement> routes() {
            List<RouteAgreement> routes = new ArrayList<>();
            kinds.forEach((route, counts) -> {
                long decisions = counts[0] + counts[1];
                routes.add(new RouteAgreement(route, decisions, counts[0], counts[1], rate(counts[0], decisions),
                        new LinkedHashMap<>(decidedAs.get(route))));
            });
            return routes;
        }
    }
}
