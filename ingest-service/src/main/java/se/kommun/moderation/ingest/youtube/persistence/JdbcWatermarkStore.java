package se.kommun.moderation.ingest.youtube.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import se.kommun.moderation.ingest.youtube.domain.ModerationStatus;
import se.kommun.moderation.ingest.youtube.domain.Watermark;
import se.kommun.moderation.ingest.youtube.domain.WatermarkStore;

/**
 * Watermarks in the ingest database (V3__youtube.sql), over plain JDBC: two small tables do not need
 * an entity model. Each call is its own transaction.
 */
@ApplicationScoped
public class JdbcWatermarkStore implements WatermarkStore {

    @Inject
    AgroalDataSource dataSource;

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public Watermark load(String channelId, ModerationStatus status) {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, channelId, status, false);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the YouTube watermark: " + e.getSQLState(), e);
        }
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public void save(String channelId, ModerationStatus status, Watermark watermark) {
        if (watermark.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            insertIfAbsent(connection, channelId, status, watermark.instant());
            // The row lock serialises two pollers of the same channel; the merge keeps it from moving back.
            Watermark stored = read(connection, channelId, status, true);
            Watermark merged = stored.mergedWith(watermark);
            if (!merged.instant().equals(stored.instant())) {
                update(connection, channelId, status, merged.instant());
                deleteIds(connection, channelId, status);
            } else {
                touch(connection, channelId, status);
            }
            Set<String> newIds = new HashSet<>(merged.idsAtInstant());
            if (merged.instant().equals(stored.instant())) {
                newIds.removeAll(stored.idsAtInstant());
            }
            insertIds(connection, channelId, status, newIds);
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the YouTube watermark: " + e.getSQLState(), e);
        }
    }

    private static Watermark read(Connection connection, String channelId, ModerationStatus status, boolean lock)
            throws SQLException {
        Instant instant;
        try (PreparedStatement select = connection.prepareStatement("SELECT updated_at FROM youtube_watermark"
                + " WHERE channel_id = ? AND moderation_status = ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setString(1, channelId);
            select.setString(2, status.apiValue());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Watermark.NONE;
                }
                instant = row.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
        Set<String> ids = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT comment_id FROM youtube_watermark_comment"
                + " WHERE channel_id = ? AND moderation_status = ?")) {
            select.setString(1, channelId);
            select.setString(2, status.apiValue());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return new Watermark(instant, ids);
    }

    private static void insertIfAbsent(Connection connection, String channelId, ModerationStatus status,
            Instant instant) throws SQLException {
        // Inserted with the new instant and no ids; the merge below then sees an equal instant and adds them.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO youtube_watermark"
                + " (channel_id, moderation_status, updated_at, saved_at) VALUES (?, ?, ?, now())"
                + " ON CONFLICT (channel_id, moderation_status) DO NOTHING")) {
            insert.setString(1, channelId);
            insert.setString(2, status.apiValue());
            insert.setObject(3, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private static void update(Connection connection, String channelId, ModerationStatus status, Instant instant)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE youtube_watermark"
                + " SET updated_at = ?, saved_at = now() WHERE channel_id = ? AND moderation_status = ?")) {
            update.setObject(1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            update.setString(2, channelId);
            update.setString(3, status.apiValue());
            update.executeUpdate();
        }
    }

    private static void touch(Connection connection, String channelId, ModerationStatus status) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE youtube_watermark SET saved_at = now()"
                + " WHERE channel_id = ? AND moderation_status = ?")) {
            update.setString(1, channelId);
            update.setString(2, status.apiValue());
            update.executeUpdate();
        }
    }

    private static void deleteIds(Connection connection, String channelId, ModerationStatus status)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM youtube_watermark_comment"
                + " WHERE channel_id = ? AND moderation_status = ?")) {
            delete.setString(1, channelId);
            delete.setString(2, status.apiValue());
            delete.executeUpdate();
        }
    }

    private static void insertIds(Connection connection, String channelId, ModerationStatus status, Set<String> ids)
            throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO youtube_watermark_comment"
                + " (channel_id, moderation_status, comment_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (String id : ids) {
                insert.setString(1, channelId);
                insert.setString(2, status.apiValue());
                insert.setString(3, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
