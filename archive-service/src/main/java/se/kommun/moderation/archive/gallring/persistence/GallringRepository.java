package se.kommun.moderation.archive.gallring.persistence;

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
import se.kommun.moderation.archive.gallring.domain.GallringCandidate;
import se.kommun.moderation.archive.gallring.domain.GallringDigest;
import se.kommun.moderation.events.Route;

/** Plain JDBC for gallring. Every method runs inside the caller's transaction. */
@ApplicationScoped
public class GallringRepository {

    private static final String CANDIDATES = """
            SELECT v.comment_key, min(v.received_at), max(v.received_at), count(*),
                   r.route, r.subtype, r.classified_route, coalesce(r.review_required, false),
                   (SELECT string_agg(coalesce(h.reference, h.hold_id::text), ', ' ORDER BY h.set_at)
                      FROM legal_hold h WHERE h.comment_key = v.comment_key AND h.released_at IS NULL)
              FROM record_version v
              LEFT JOIN effective_route r ON r.comment_key = v.comment_key
             WHERE v.culled_at IS NULL %s
             GROUP BY v.comment_key, r.route, r.subtype, r.classified_route, r.review_required
            HAVING max(v.received_at) < ?
             ORDER BY max(v.received_at), v.comment_key
             LIMIT ?""";

    @Inject
    DataSource dataSource;

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Records with content left whose latest version arrived before {@code receivedBefore}, oldest first. */
    public List<GallringCandidate> candidates(Connection c, Instant receivedBefore, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CANDIDATES.formatted(""))) {
            s.setObject(1, utc(receivedBefore));
            s.setInt(2, limit);
            return read(s);
        }
    }

    /** One record as a candidate again, inside the culling transaction. */
    public Optional<GallringCandidate> candidate(Connection c, String commentKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CANDIDATES.formatted("AND v.comment_key = ?"))) {
            s.setString(1, commentKey);
            s.setObject(2, utc(Instant.now().plusSeconds(86_400L * 366 * 1000)));
            s.setInt(3, 1);
            return read(s).stream().findFirst();
        }
    }

    private static List<GallringCandidate> read(PreparedStatement s) throws SQLException {
        List<GallringCandidate> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String route = r.getString(5);
                out.add(new GallringCandidate(r.getString(1), route == null ? null : Route.valueOf(route),
                        r.getString(6), r.getString(7), r.getBoolean(8),
                        r.getObject(2, OffsetDateTime.class).toInstant(), r.getObject(3, OffsetDateTime.class).toInstant(),
                        r.getInt(4), r.getString(9)));
            }
        }
        return out;
    }

    /** Serialises gallring and hold-setting on one comment (held for the transaction). */
    public void lock(Connection c, String commentKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            s.setString(1, "comment:" + commentKey);
            s.execute();
        }
    }

    public record Culled(UUID protocolId, int versions, int artefacts, String culledSha256) {
    }

    /** What one culling will write to the protocol, before the content goes. */
    public record Protocol(UUID protocolId, UUID eventId, String commentKey, Route route, String subtype,
            String ruleName, String decisionReference, Instant receivedAt, Instant lastReceivedAt, Instant culledAt,
            String executedBy) {
    }

    /**
     * Writes the protocol row and its items (each with the SHA-256 of exactly what goes), then culls
     * the content of every remaining version and evidence artefact of the record. Returns empty when
     * there was nothing left to cull.
     */
    public Optional<Culled> cull(Connection c, String commentKey, java.util.function.Function<Integer, Protocol> protocolFor)
            throws SQLException {
        List<Long> versionIds = new ArrayList<>();
        List<UUID> artefactIds = new ArrayList<>();
        List<GallringDigest.Item> items = new ArrayList<>();
        int lastVersion = 0;
        try (PreparedStatement s = c.prepareStatement("""
                SELECT id, version, record_version_content_sha256(text, author_id, author_name, raw_fragment)
                  FROM record_version WHERE comment_key = ? AND culled_at IS NULL ORDER BY version FOR UPDATE""")) {
            s.setString(1, commentKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    versionIds.add(r.getLong(1));
                    lastVersion = r.getInt(2);
                    items.add(new GallringDigest.Item("record_version", Long.toString(r.getLong(1)), r.getString(3)));
                }
            }
        }
        if (versionIds.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement("""
                SELECT evidence_id, encode(sha256(content), 'hex') FROM evidence_artefact
                 WHERE comment_key = ? AND content IS NOT NULL ORDER BY evidence_id FOR UPDATE""")) {
            s.setString(1, commentKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    artefactIds.add(id);
                    items.add(new GallringDigest.Item("evidence_artefact", id.toString(), r.getString(2)));
                }
            }
        }
        Protocol p = protocolFor.apply(lastVersion);
        String digest = GallringDigest.of(items);
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO gallring_protocol (protocol_id, comment_key, route, subtype, rule_name, decision_reference,
                    received_at, last_received_at, culled_at, culled_sha256, versions_culled, artefacts_culled,
                    executed_by, event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int i = 1;
            s.setObject(i++, p.protocolId());
            s.setString(i++, commentKey);
            s.setString(i++, p.route().name());
            s.setString(i++, p.subtype());
            s.setString(i++, p.ruleName());
            s.setString(i++, p.decisionReference());
            s.setObject(i++, utc(p.receivedAt()));
            s.setObject(i++, utc(p.lastReceivedAt()));
            s.setObject(i++, utc(p.culledAt()));
            s.setString(i++, digest);
            s.setInt(i++, versionIds.size());
            s.setInt(i++, artefactIds.size());
            s.setString(i++, p.executedBy());
            s.setObject(i, p.eventId());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO gallring_protocol_item (protocol_id, subject_type, subject_id, content_sha256)
                VALUES (?, ?, ?, ?)""")) {
            for (GallringDigest.Item item : items) {
                s.setObject(1, p.protocolId());
                s.setString(2, item.subjectType());
                s.setString(3, item.subjectId());
                s.setString(4, item.contentSha256());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE record_version SET text = NULL, raw_fragment = NULL, author_id = NULL, author_name = NULL,
                       culled_at = ? WHERE id = ANY (?)""")) {
            s.setObject(1, utc(p.culledAt()));
            s.setArray(2, c.createArrayOf("bigint", versionIds.toArray()));
            s.executeUpdate();
        }
        if (!artefactIds.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE evidence_artefact SET content = NULL, culled_at = ? WHERE evidence_id = ANY (?)")) {
                s.setObject(1, utc(p.culledAt()));
                s.setArray(2, c.createArrayOf("uuid", artefactIds.toArray()));
                s.executeUpdate();
            }
        }
        return Optional.of(new Culled(p.protocolId(), versionIds.size(), artefactIds.size(), digest));
    }

    /** A protocol row as listed and as relayed on records.culled. */
    public record ProtocolRow(UUID protocolId, String commentKey, String route, String subtype, String ruleName,
            String decisionReference, Instant receivedAt, Instant lastReceivedAt, Instant culledAt, String culledSha256,
            int versionsCulled, int artefactsCulled, String executedBy, UUID eventId, Instant publishedAt) {
    }

    private static final String PROTOCOL_COLUMNS = """
            protocol_id, comment_key, route, subtype, rule_name, decision_reference, received_at, last_received_at,
            culled_at, culled_sha256, versions_culled, artefacts_culled, executed_by, event_id, published_at""";

    public List<ProtocolRow> protocol(Connection c, String commentKey, Instant from, Instant to, int offset, int limit)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + PROTOCOL_COLUMNS + " FROM gallring_protocol"
                + " WHERE (?::text IS NULL OR comment_key = ?) AND (?::timestamptz IS NULL OR culled_at >= ?)"
                + " AND (?::timestamptz IS NULL OR culled_at < ?) ORDER BY culled_at DESC, protocol_id OFFSET ? LIMIT ?")) {
            s.setString(1, commentKey);
            s.setString(2, commentKey);
            s.setObject(3, utc(from));
            s.setObject(4, utc(from));
            s.setObject(5, utc(to));
            s.setObject(6, utc(to));
            s.setInt(7, offset);
            s.setInt(8, limit);
            return readProtocol(s);
        }
    }

    public List<ProtocolRow> unpublished(Connection c, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + PROTOCOL_COLUMNS
                + " FROM gallring_protocol WHERE published_at IS NULL ORDER BY culled_at, protocol_id LIMIT ?")) {
            s.setInt(1, limit);
            return readProtocol(s);
        }
    }

    public void markPublished(Connection c, UUID protocolId, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE gallring_protocol SET published_at = ? WHERE protocol_id = ? AND published_at IS NULL")) {
            s.setObject(1, utc(at));
            s.setObject(2, protocolId);
            s.executeUpdate();
        }
    }

    private static List<ProtocolRow> readProtocol(PreparedStatement s) throws SQLException {
        List<ProtocolRow> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new ProtocolRow(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), instant(r, 7), instant(r, 8), instant(r, 9), r.getString(10),
                        r.getInt(11), r.getInt(12), r.getString(13), r.getObject(14, UUID.class), instant(r, 15)));
            }
        }
        return out;
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
