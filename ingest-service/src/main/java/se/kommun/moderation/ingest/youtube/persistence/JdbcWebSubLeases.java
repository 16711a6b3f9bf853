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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import se.kommun.moderation.ingest.youtube.domain.WebSubLease;
import se.kommun.moderation.ingest.youtube.domain.WebSubLeaseStore;

/** WebSub leases in the ingest database (V5__youtube_websub.sql), each call its own transaction. */
@ApplicationScoped
public class JdbcWebSubLeases implements WebSubLeaseStore {

    @Inject
    AgroalDataSource dataSource;

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public Map<String, WebSubLease> all() {
        Map<String, WebSubLease> leases = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT channel_id, subscribed_at,"
                        + " lease_until, last_error FROM youtube_websub_subscription ORDER BY channel_id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                WebSubLease lease = new WebSubLease(rows.getString(1), instant(rows, 2), instant(rows, 3),
                        rows.getString(4));
                leases.put(lease.channelId(), lease);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the WebSub leases: " + e.getSQLState(), e);
        }
        return leases;
    }

    public Optional<WebSubLease> find(String channelId) {
        return Optional.ofNullable(all().get(channelId));
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public void granted(String channelId, Instant from, Instant until) {
        update("INSERT INTO youtube_websub_subscription (channel_id, subscribed_at, lease_until, last_error,"
                + " updated_at) VALUES (?, ?, ?, NULL, now()) ON CONFLICT (channel_id) DO UPDATE SET"
                + " subscribed_at = excluded.subscribed_at, lease_until = excluded.lease_until, last_error = NULL,"
                + " updated_at = now()", channelId, utc(from), utc(until));
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public void failed(String channelId, String error) {
        update("INSERT INTO youtube_websub_subscription (channel_id, last_error, updated_at) VALUES (?, ?, now())"
                + " ON CONFLICT (channel_id) DO UPDATE SET last_error = excluded.last_error, updated_at = now()",
                channelId, error);
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public void forget(String channelId) {
        update("DELETE FROM youtube_websub_subscription WHERE channel_id = ?", channelId);
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store a WebSub lease: " + e.getSQLState(), e);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
