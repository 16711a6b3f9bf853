package se.kommun.moderation.classification.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.classification.feedback.domain.QualityReport.DetectorAgreement;
import se.kommun.moderation.classification.feedback.domain.QualityReport.RouteAgreement;
import se.kommun.moderation.classification.feedback.domain.QualityReport.RuleSetDecisions;
import se.kommun.moderation.classification.feedback.domain.QualityTally.Row;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.Route;

class QualityTallyTest {

    @Test
    void countsAgreementOverallPerRouteAndPerDetectorWithTheConfusionOfEachRoute() {
        List<Row> rows = List.of(
                // overall: 6 decisions about CRIMINAL (4 confirmed, 2 → TRIVIAL), 3 about TRIVIAL (all confirmed)
                new Row(null, Route.CRIMINAL, Route.CRIMINAL, DecisionKind.CONFIRMED, 4),
                new Row(null, Route.CRIMINAL, Route.TRIVIAL, DecisionKind.OVERRIDDEN, 2),
                new Row(null, Route.TRIVIAL, Route.TRIVIAL, DecisionKind.CONFIRMED, 3),
                new Row("ThreatDetector", Route.CRIMINAL, Route.CRIMINAL, DecisionKind.CONFIRMED, 3),
                new Row("ThreatDetector", Route.CRIMINAL, Route.TRIVIAL, DecisionKind.OVERRIDDEN, 2),
                new Row("HateSpeechDetector", Route.CRIMINAL, Route.CRIMINAL, DecisionKind.CONFIRMED, 1),
                new Row("GratitudeDetector", Route.TRIVIAL, Route.TRIVIAL, DecisionKind.CONFIRMED, 3));

        QualityReport report = QualityTally.report(null, rows, List.of(new RuleSetDecisions("rs-1", 9)));

        assertThat(report.overall().decisions()).isEqualTo(9);
        assertThat(report.overall().confirmations()).isEqualTo(7);
        assertThat(report.overall().overrides()).isEqualTo(2);
        assertThat(report.overall().agreementRate()).isEqualTo(7.0 / 9);
        assertThat(report.routes()).extracting(RouteAgreement::classifiedRoute).containsExactly(Route.CRIMINAL, Route.TRIVIAL);
        assertThat(report.routes().get(0).decidedAs()).isEqualTo(Map.of(Route.CRIMINAL, 4L, Route.TRIVIAL, 2L));

        assertThat(report.detectors()).extracting(DetectorAgreement::detector)
                .containsExactly("GratitudeDetector", "HateSpeechDetector", "ThreatDetector");
        DetectorAgreement threat = report.detectors().get(2);
        assertThat(threat.decisions()).isEqualTo(5);
        assertThat(threat.confirmations()).isEqualTo(3);
        assertThat(threat.overrides()).isEqualTo(2);
        assertThat(threat.agreementRate()).isEqualTo(0.6);
        assertThat(threat.routes()).singleElement().satisfies(route -> {
            assertThat(route.classifiedRoute()).isEqualTo(Route.CRIMINAL);
            assertThat(route.decidedAs()).isEqualTo(Map.of(Route.CRIMINAL, 3L, Route.TRIVIAL, 2L));
        });
        assertThat(report.ruleSetVersions()).containsExactly(new RuleSetDecisions("rs-1", 9));
    }

    @Test
    void withoutDecisionsThereIsNoRate() {
        QualityReport report = QualityTally.report("rs-2", List.of(), List.of());
        assertThat(report.overall().decisions()).isZero();
        assertThat(report.overall().agreementRate()).isNull();
        assertThat(report.detectors()).isEmpty();
        assertThat(report.ruleSetVersion()).isEqualTo("rs-2");
    }
}
