package se.kommun.moderation.classification.feedback.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import se.kommun.moderation.classification.feedback.domain.Feedback;
import se.kommun.moderation.classification.feedback.domain.QualityReport.RuleSetDecisions;
import se.kommun.moderation.classification.feedback.domain.QualityTally.Row;
import se.kommun.moderation.events.DecisionKind;
import se.kommun.moderation.events.Route;

/** The feedback table (plain JDBC): idempotent inserts and the counts behind GET /quality. */
@ApplicationScoped
public class FeedbackRepository {

    private static final String INSERT = """
            INSERT INTO feedback_decision (event_id, decision_id, comment_key, kind, classification_key,
                classified_route, classified_subtype, detectors, rule_set_version, decided_route, decided_subtype,
                decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING
            """;

    // The latest decision per classification, optionally of one rule set; counted once overall (detector
    // NULL) and once per detector it names.
    private static final String TALLY = """
            WITH latest AS (
                SELECT DISTINCT ON (classification_key) kind, classified_route, decided_route, detectors
                FROM feedback_decision
                WHERE CAST(? AS text) IS NULL OR rule_set_version = ?
                ORDER BY classification_key, decided_at DESC, event_id DESC
            )
            SELECT NULL AS detector, classified_route, decided_route, kind, count(*) AS n
            FROM latest GROUP BY classified_route, decided_route, kind
            UNION ALL
            SELECT d.detector, classified_route, decided_route, kind, count(*) AS n
            FROM latest CROSS JOIN LATERAL unnest(detectors) AS d(detector)
            GROUP BY d.detector, classified_route, decided_route, kind
            """;

    private static final String VERSIONS = """
            WITH latest AS (
                SELECT DISTINCT ON (classification_key) rule_set_version, decided_at
                FROM feedback_decision
                ORDER BY classification_key, decided_at DESC, event_id DESC
            )
            SELECT coalesce(rule_set_version, '') AS version, count(*) AS n, max(decided_at) AS last
            FROM latest GROUP BY rule_set_version ORDER BY last DESC
            """;

    private final AgroalDataSource dataSource;

    FeedbackRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Keeps one decision; false when its event was kept before (a replay). */
    public boolean record(Feedback feedback) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Array detectors = connection.createArrayOf("text", feedback.detectors().toArray());
            insert.setObject(1, feedback.eventId());
            insert.setObject(2, feedback.decisionId());
            insert.setString(3, feedback.commentKey());
            insert.setString(4, feedback.kind().name());
            insert.setObject(5, feedback.classificationKey());
            insert.setString(6, feedback.classifiedRoute().name());
            insert.setString(7, feedback.classifiedSubtype());
            insert.setArray(8, detectors);
            insert.setString(9, feedback.ruleSetVersion());
            insert.setString(10, feedback.decidedRoute().name());
            insert.setString(11, feedback.decidedSubtype());
            insert.setTimestamp(12, Timestamp.from(feedback.decidedAt()));
            return insert.executeUpdate() == 1;
        }
    }

    public List<Row> tally(String ruleSetVersion) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(TALLY)) {
            query.setString(1, ruleSetVersion);
            query.setString(2, ruleSetVersion);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString("detector"), Route.valueOf(rs.getString("classified_route")),
                            Route.valueOf(rs.getString("decided_route")), DecisionKind.valueOf(rs.getString("kind")),
                            rs.getLong("n")));
                }
            }
        }
        return rows;
    }

    public List<RuleSetDecisions> ruleSetVersions() throws SQLException {
        List<RuleSetDecisions> versions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(VERSIONS);
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                String version = rs.getString("version");
                versions.add(new RuleSetDecisions(version.isEmpty() ? null : version, rs.getLong("n")));
            }
        }
        return versions;
    }
}
