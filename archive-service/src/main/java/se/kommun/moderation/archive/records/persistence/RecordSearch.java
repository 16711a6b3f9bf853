package se.kommun.moderation.archive.records.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import se.kommun.moderation.archive.records.domain.RecordQuery;

/**
 * Records search: a comment matches when one of its versions does (account, platform, receipt time,
 * text) and its route does. Text uses PostgreSQL full-text search with Swedish stemming over the
 * GIN index of V20; the expression here must stay the index's.
 */
@ApplicationScoped
public class RecordSearch {

    @Inject
    DataSource dataSource;

    public record Hit(String commentKey, String platform, String accountId, String route, String subtype,
            boolean reviewRequired, Instant firstReceivedAt, Instant lastReceivedAt, int versions, String latestVerb,
            String latestText, String permalink, Instant culledAt) {
    }

    public record Page(long total, int page, int size, List<Hit> hits) {
    }

    public Page search(RecordQuery q) throws SQLException {
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> args = new ArrayList<>();
        if (q.account() != null) {
            where.append(" AND v.account_id = ?");
            args.add(q.account());
        }
        if (q.platform() != null) {
            where.append(" AND v.platform = ?");
            args.add(q.platform());
        }
        if (q.from() != null) {
            where.append(" AND v.received_at >= ?");
            args.add(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            where.append(" AND v.received_at < ?");
            args.add(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        if (q.text() != null) {
            where.append(" AND to_tsvector('swedish', coalesce(v.text, '')) @@ websearch_to_tsquery('swedish', ?)");
            args.add(q.text());
        }
        if (RecordQuery.UNCLASSIFIED.equals(q.route())) {
            where.append(" AND NOT EXISTS (SELECT 1 FROM record_route_decision d WHERE d.comment_key = v.comment_key)"
                    + " AND NOT EXISTS (SELECT 1 FROM record_classification c WHERE c.comment_key = v.comment_key)");
        } else if (q.route() != null) {
            where.append(" AND (EXISTS (SELECT 1 FROM record_route_decision d WHERE d.comment_key = v.comment_key AND d.route = ?)"
                    + " OR (NOT EXISTS (SELECT 1 FROM record_route_decision d WHERE d.comment_key = v.comment_key)"
                    + " AND EXISTS (SELECT 1 FROM record_classification c WHERE c.comment_key = v.comment_key AND c.route = ?)))");
            args.add(q.route());
            args.add(q.route());
        }
        String sql = "SELECT v.comment_key, min(v.received_at), max(v.received_at), count(*), count(*) OVER ()"
                + " FROM record_version v WHERE " + where
                + " GROUP BY v.comment_key ORDER BY max(v.received_at) DESC, v.comment_key LIMIT ? OFFSET ?";
        args.add(q.size());
        args.add((long) q.page() * q.size());
        try (Connection c = dataSource.getConnection()) {
            List<String> keys = new ArrayList<>();
            Map<String, Object[]> aggregates = new HashMap<>();
            long total = 0;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        keys.add(r.getString(1));
                        aggregates.put(r.getString(1), new Object[] {instant(r, 2), instant(r, 3), r.getInt(4)});
                        total = r.getLong(5);
                    }
                }
            }
            if (keys.isEmpty()) {
                return new Page(q.page() == 0 ? 0 : count(c, where.toString(), args.subList(0, args.size() - 2)),
                        q.page(), q.size(), List.of());
            }
            Map<String, Hit> hits = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT DISTINCT ON (v.comment_key) v.comment_key, v.platform, v.account_id, r.search_route, r.subtype,
                           coalesce(r.review_required, false), v.verb, v.text, v.permalink, v.culled_at
                      FROM record_version v LEFT JOIN effective_route r ON r.comment_key = v.comment_key
                     WHERE v.comment_key = ANY (?) ORDER BY v.comment_key, v.version DESC""")) {
                s.setArray(1, c.createArrayOf("text", keys.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Object[] a = aggregates.get(r.getString(1));
                        hits.put(r.getString(1), new Hit(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getBoolean(6), (Instant) a[0], (Instant) a[1], (Integer) a[2],
                                r.getString(7), r.getString(8), r.getString(9), instant(r, 10)));
                    }
                }
            }
            return new Page(total, q.page(), q.size(), keys.stream().map(hits::get).toList());
        }
    }

    private static long count(Connection c, String where, List<Object> args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT count(DISTINCT v.comment_key) FROM record_version v WHERE " + where)) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
