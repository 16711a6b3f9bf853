package se.kommun.moderation.archive.records.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import se.kommun.moderation.archive.records.rest.RecordView;

/** Assembles a record's JSON export from its versions and what the archive knows about it. */
@ApplicationScoped
public class RecordExport {

    @Inject
    DataSource dataSource;

    public record Document(String format, String commentKey, Instant exportedAt, String exportedBy,
            Map<String, Object> route, List<RecordView.Version> versions, List<Map<String, Object>> legalHolds,
            List<Map<String, Object>> gallringProtocol, List<Map<String, Object>> integrityLog) {
    }

    public Document document(RecordView record, String exportedBy, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String key = record.commentKey();
            List<Map<String, Object>> route = rows(c, """
                    SELECT route, subtype, search_route, classified_route, review_required, decision_kind
                      FROM effective_route WHERE comment_key = ?""", key);
            List<Map<String, Object>> holds = rows(c, """
                    SELECT hold_id, reference, reason, source, set_by, set_at, released_at, released_by, release_reason
                      FROM legal_hold WHERE comment_key = ? ORDER BY set_at""", key);
            List<Map<String, Object>> protocol = rows(c, """
                    SELECT protocol_id, route, subtype, rule_name, decision_reference, received_at, culled_at,
                           culled_sha256, versions_culled, artefacts_culled, executed_by
                      FROM gallring_protocol WHERE comment_key = ? ORDER BY culled_at""", key);
            List<Map<String, Object>> log = rows(c, """
                    SELECT l.seq, l.subject_type, l.subject_id, l.subject_digest, l.prev_hash, l.entry_hash
                      FROM integrity_log l
                     WHERE (l.subject_type = 'record_version' AND l.subject_id IN
                               (SELECT id::text FROM record_version WHERE comment_key = ?1))
                        OR (l.subject_type = 'gallring_protocol' AND l.subject_id IN
                               (SELECT protocol_id::text FROM gallring_protocol WHERE comment_key = ?1))
                        OR (l.subject_type = 'evidence_artefact' AND l.subject_id IN
                               (SELECT evidence_id::text FROM evidence_artefact WHERE comment_key = ?1))
                     ORDER BY l.seq""".replace("?1", "?"), key, key, key);
            return new Document("archive-service record export v1", key, now, exportedBy,
                    route.isEmpty() ? null : route.get(0), record.versions(), holds, protocol, log);
        }
    }

    private static List<Map<String, Object>> rows(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        Object value = r.getObject(i);
                        if (value instanceof java.sql.Timestamp) {
                            value = r.getObject(i, OffsetDateTime.class).toInstant();
                        }
                        row.put(camel(r.getMetaData().getColumnLabel(i)), value);
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return out.toString();
    }
}
