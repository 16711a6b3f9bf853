package se.kommun.moderation.archive.evidence.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import se.kommun.moderation.archive.evidence.domain.StoredRecord;
import se.kommun.moderation.archive.evidence.domain.StoredVersion;

/**
 * Reads the records store (record_version) for renditions and packages. Plain SQL against the
 * table's columns rather than the records feature's entity, so that evidence and packages depend
 * on the table (the contract inside this service), not on another feature's classes. A culled
 * version has NULL text and raw fragment.
 */
@ApplicationScoped
public class StoredRecords {

    private static final String COLUMNS = "id, comment_key, version, verb, platform, account_id, comment_id, post_id,"
            + " parent_id, author_name, text, permalink, created_at, received_at, content_type,"
            + " raw_fragment_sha256, raw_fragment";

    /** The thread key of a row; the same expression as the index in V11. */
    private static final String THREAD_KEY = "coalesce(nullif(post_id, ''), nullif(parent_id, ''), comment_id)";

    @Inject
    DataSource dataSource;

    public Optional<StoredRecord> load(String commentKey) {
        List<StoredVersion> versions = query("SELECT " + COLUMNS + " FROM record_version WHERE comment_key = ?"
                + " ORDER BY version", commentKey);
        return versions.isEmpty() ? Optional.empty() : Optional.of(new StoredRecord(commentKey, versions));
    }

    /**
     * The other records of the record's thread (same platform and account, same post, or answering
     * the same comment, or the comment answered), the first {@code limit} in the order received.
     */
    public List<StoredRecord> threadContext(StoredRecord record, int limit) {
        StoredVersion latest = record.latest();
        List<StoredVersion> rows = query("SELECT " + COLUMNS + " FROM record_version WHERE comment_key IN ("
                + " SELECT comment_key FROM record_version WHERE platform = ? AND account_id = ?"
                + " AND (" + THREAD_KEY + " = ? OR comment_id = ?) AND comment_key <> ?"
                + " GROUP BY comment_key ORDER BY min(received_at), comment_key LIMIT ?)"
                + " ORDER BY comment_key, version",
                latest.platform(), latest.accountId(), latest.threadKey(), latest.threadKey(),
                record.commentKey(), limit);
        return group(rows).stream()
                .sorted((a, b) -> a.versions().get(0).receivedAt().compareTo(b.versions().get(0).receivedAt()))
                .toList();
    }

    /** Accounts (platform, account id) with versions received in [from, to). */
    public List<String[]> accountsWithVersions(Instant from, Instant to) {
        List<String[]> accounts = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT DISTINCT platform, account_id FROM record_version"
                        + " WHERE received_at >= ? AND received_at < ? ORDER BY platform, account_id")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    accounts.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the records store", e);
        }
        return accounts;
    }

    /** Every version of the account received in [from, to) whose content has not been culled, grouped by record. */
    public List<StoredRecord> versionsForPackage(String platform, String accountId, Instant from, Instant to) {
        return group(query("SELECT " + COLUMNS + " FROM record_version WHERE platform = ? AND account_id = ?"
                + " AND received_at >= ? AND received_at < ? AND raw_fragment IS NOT NULL AND text IS NOT NULL"
                + " ORDER BY comment_key, version", platform, accountId, from, to));
    }

    private static List<StoredRecord> group(List<StoredVersion> rows) {
        Map<String, List<StoredVersion>> byKey = new LinkedHashMap<>();
        for (StoredVersion v : rows) {
            byKey.computeIfAbsent(v.commentKey(), k -> new ArrayList<>()).add(v);
        }
        List<StoredRecord> records = new ArrayList<>();
        byKey.forEach((key, versions) -> records.add(new StoredRecord(key, versions)));
        return records;
    }

    private List<StoredVersion> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Instant instant) {
                    s.setTimestamp(i + 1, Timestamp.from(instant));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            List<StoredVersion> versions = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    versions.add(new StoredVersion(rs.getLong("id"), rs.getString("comment_key"), rs.getInt("version"),
                            rs.getString("verb"), rs.getString("platform"), rs.getString("account_id"),
                            rs.getString("comment_id"), rs.getString("post_id"), rs.getString("parent_id"),
                            rs.getString("author_name"), rs.getString("text"), rs.getString("permalink"),
                            instant(rs, "created_at"), instant(rs, "received_at"), rs.getString("content_type"),
                            rs.getString("raw_fragment_sha256"), rs.getBytes("raw_fragment")));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the records store", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
