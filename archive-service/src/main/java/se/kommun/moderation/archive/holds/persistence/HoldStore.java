package se.kommun.moderation.archive.holds.persistence;

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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import se.kommun.moderation.archive.holds.domain.LegalHold;
import se.kommun.moderation.events.StorableText;

/** Plain JDBC for holds, decisions seen and route decisions. Runs inside the caller's transaction. */
@ApplicationScoped
public class HoldStore {

    private static final String COLUMNS = "hold_id, comment_key, reference, reason, source, set_by, set_at,"
            + " released_at, released_by, release_reason";

    @Inject
    DataSource dataSource;

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Records that a decision event was handled; false when it was handled before. */
    public boolean firstTime(Connection c, UUID eventId, String commentKey, String kind, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO decision_event (event_id, comment_key, kind, processed_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")) {
            s.setObject(1, eventId);
            s.setString(2, commentKey);
            s.setString(3, kind);
            s.setObject(4, utc(now));
            return s.executeUpdate() == 1;
        }
    }

    /** The same lock gallring takes before culling a comment: a hold set now is seen by any culling after. */
    public void lock(Connection c, String commentKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            s.setString(1, "comment:" + commentKey);
            s.execute();
        }
    }

    public void insert(Connection c, LegalHold hold, UUID setEventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO legal_hold (hold_id, comment_key, reference, reason, source,"
                + " set_by, set_at, set_event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            s.setObject(1, hold.holdId());
            s.setString(2, hold.commentKey());
            s.setString(3, StorableText.of(hold.reference()));
            s.setString(4, StorableText.of(hold.reason()));
            s.setString(5, hold.source());
            s.setString(6, StorableText.of(hold.setBy()));
            s.setObject(7, utc(hold.setAt()));
            s.setObject(8, setEventId);
            s.executeUpdate();
        }
    }

    /** Releases the active holds of a comment set from decisions with this reference; returns how many. */
    public int releaseFromDecision(Connection c, String commentKey, String reference, String by, Instant at,
            String reason, UUID eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE legal_hold SET released_at = ?, released_by = ?,"
                + " release_reason = ?, released_event_id = ? WHERE comment_key = ? AND released_at IS NULL"
                + " AND source = 'moderation.decisions' AND reference IS NOT DISTINCT FROM ?")) {
            s.setObject(1, utc(at));
            s.setString(2, by);
            s.setString(3, StorableText.of(reason));
            s.setObject(4, eventId);
            s.setString(5, commentKey);
            s.setString(6, reference);
            return s.executeUpdate();
        }
    }

    public boolean release(Connection c, UUID holdId, String by, Instant at, String reason) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE legal_hold SET released_at = ?, released_by = ?,"
                + " release_reason = ? WHERE hold_id = ? AND released_at IS NULL")) {
            s.setObject(1, utc(at));
            s.setString(2, by);
            s.setString(3, StorableText.of(reason));
            s.setObject(4, holdId);
            return s.executeUpdate() == 1;
        }
    }

    public Optional<LegalHold> find(Connection c, UUID holdId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM legal_hold WHERE hold_id = ?")) {
            s.setObject(1, holdId);
            return read(s).stream().findFirst();
        }
    }

    public List<LegalHold> list(Connection c, String commentKey, Boolean active, int offset, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM legal_hold"
                + " WHERE (?::text IS NULL OR comment_key = ?)"
                + " AND (?::boolean IS NULL OR (released_at IS NULL) = ?)"
                + " ORDER BY set_at DESC, hold_id OFFSET ? LIMIT ?")) {
            s.setString(1, commentKey);
            s.setString(2, commentKey);
            s.setObject(3, active);
            s.setObject(4, active);
            s.setInt(5, offset);
            s.setInt(6, limit);
            return read(s);
        }
    }

    /** The latest person's word on a comment's route wins. */
    public void decideRoute(Connection c, String commentKey, String route, String subtype, String kind, UUID eventId,
            Instant decidedAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO record_route_decision (comment_key, route, subtype, kind, event_id, decided_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (comment_key) DO UPDATE SET route = excluded.route, subtype = excluded.subtype,
                    kind = excluded.kind, event_id = excluded.event_id, decided_at = excluded.decided_at
                WHERE excluded.decided_at >= record_route_decision.decided_at""")) {
            s.setString(1, commentKey);
            s.setString(2, route);
            s.setString(3, subtype);
            s.setString(4, kind);
            s.setObject(5, eventId);
            s.setObject(6, utc(decidedAt));
            s.executeUpdate();
        }
    }

    private static List<LegalHold> read(PreparedStatement s) throws SQLException {
        List<LegalHold> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new LegalHold(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), instant(r, 7), instant(r, 8), r.getString(9), r.getString(10)));
            }
        }
        return out;
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
