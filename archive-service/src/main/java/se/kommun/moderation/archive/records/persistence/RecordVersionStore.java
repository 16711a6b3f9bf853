package se.kommun.moderation.archive.records.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import se.kommun.moderation.archive.records.domain.IntakeBatch;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.StorableText;

/**
 * Plain JDBC for the intake path: one round trip for the duplicates, one for the highest versions,
 * one JDBC batch for the inserts. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class RecordVersionStore {

    private static final String INSERT = """
            INSERT INTO record_version (event_id, comment_key, version, verb, platform, account_id, comment_id,
                post_id, parent_id, author_id, author_name, text, permalink, created_at, received_at, stored_at,
                idempotency_key, content_type, raw_body_sha256, raw_fragment, raw_fragment_sha256)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING""";

    @Inject
    DataSource dataSource;

    public Set<UUID> storedEventIds(Connection c, Collection<UUID> eventIds) throws SQLException {
        Set<UUID> stored = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT event_id FROM record_version WHERE event_id = ANY (?)")) {
            Array ids = c.createArrayOf("uuid", eventIds.toArray());
            s.setArray(1, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stored.add(r.getObject(1, UUID.class));
                }
            }
        }
        return stored;
    }

    public Map<String, Integer> highestVersions(Connection c, List<String> commentKeys) throws SQLException {
        Map<String, Integer> highest = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT comment_key, max(version) FROM record_version WHERE comment_key = ANY (?) GROUP BY comment_key")) {
            s.setArray(1, c.createArrayOf("text", commentKeys.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    highest.put(r.getString(1), r.getInt(2));
                }
            }
        }
        return highest;
    }

    /** Inserts the versions as one JDBC batch; returns how many rows were new. */
    public int insert(Connection c, List<IntakeBatch.Versioned> versions, Instant storedAt) throws SQLException {
        if (versions.isEmpty()) {
            return 0;
        }
        OffsetDateTime stored = OffsetDateTime.ofInstant(storedAt, ZoneOffset.UTC);
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            for (IntakeBatch.Versioned v : versions) {
                CommentReceived comment = v.accepted().event().payload();
                int i = 1;
                s.setObject(i++, v.accepted().event().eventId());
                s.setString(i++, v.accepted().event().commentKey());
                s.setInt(i++, v.version());
                s.setString(i++, comment.verb().name());
                s.setString(i++, comment.platform().id());
                s.setString(i++, StorableText.of(comment.accountId()));
                s.setString(i++, StorableText.of(comment.commentId()));
                s.setString(i++, StorableText.of(comment.postId()));
                s.setString(i++, StorableText.of(comment.parentId()));
                s.setString(i++, StorableText.of(comment.author() == null ? null : comment.author().id()));
                s.setString(i++, StorableText.of(comment.author() == null ? null : comment.author().displayName()));
                s.setString(i++, StorableText.of(comment.text()));
                s.setString(i++, StorableText.of(comment.permalink()));
                setInstant(s, i++, comment.createdAt());
                setInstant(s, i++, comment.receivedAt());
                s.setObject(i++, stored);
                s.setString(i++, comment.idempotencyKey());
                s.setString(i++, comment.raw().contentType());
                s.setString(i++, comment.raw().bodySha256());
                s.setBytes(i++, v.accepted().fragment());
                s.setString(i, comment.raw().fragmentSha256());
                s.addBatch();
            }
            int inserted = 0;
            for (int n : s.executeBatch()) {
                // With reWriteBatchedInserts the driver reports SUCCESS_NO_INFO (-2) per row.
                inserted += n == PreparedStatement.SUCCESS_NO_INFO ? 1 : Math.max(n, 0);
            }
            return inserted;
        }
    }

    private static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }
}
