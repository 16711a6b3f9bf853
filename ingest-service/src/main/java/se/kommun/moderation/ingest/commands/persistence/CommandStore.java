package se.kommun.moderation.ingest.commands.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.kommun.moderation.events.CommandAction;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.PlatformCommandCompleted;
import se.kommun.moderation.events.PlatformCommandIssued;
import se.kommun.moderation.events.StorableText;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.ingest.commands.domain.ResultEvents;
import se.kommun.moderation.ingest.commands.domain.StoredCommand;

/**
 * Commands and their state in the ingest database (V4__platform_commands.sql), over plain JDBC. Each
 * method is its own transaction; a finished command's result goes into the outbox in the same
 * transaction that marks it finished.
 */
@ApplicationScoped
public class CommandStore {

    /** What became of a received command. */
    public enum Acceptance {
        /** First seen: queued. */
        NEW,
        /** Seen before and still being carried out: nothing to do. */
        ALREADY_PENDING,
        /** Seen before and finished: its stored result was queued for publishing again. */
        RESULT_REPUBLISHED
    }

    private final EventCodec codec = EventCodec.instance();

    @Inject
    AgroalDataSource dataSource;

    @Transactional(TxType.REQUIRES_NEW)
    public Acceptance accept(EventEnvelope<PlatformCommandIssued> envelope, Instant now) {
        PlatformCommandIssued c = envelope.payload();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO platform_command (idempotency_key, command_id, comment_key, platform, account_id, action,
                        target, reply_text, evidence_bundle_id, case_id, issued_by, issued_at, state, next_attempt_at,
                        received_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
                    ON CONFLICT (idempotency_key) DO NOTHING""")) {
                insert.setString(1, c.idempotencyKey());
                insert.setObject(2, c.commandId());
                insert.setString(3, envelope.commentKey());
                insert.setString(4, c.platform().id());
                insert.setString(5, c.accountId());
                insert.setString(6, c.action().name());
                insert.setString(7, c.target());
                insert.setString(8, StorableText.of(c.replyText()));
                insert.setObject(9, c.evidenceBundleId(), Types.OTHER);
                insert.setObject(10, c.caseId(), Types.OTHER);
                insert.setString(11, c.issuedBy());
                insert.setTimestamp(12, Timestamp.from(c.issuedAt()));
                insert.setTimestamp(13, Timestamp.from(now));
                insert.setTimestamp(14, Timestamp.from(now));
                insert.setTimestamp(15, Timestamp.from(now));
                if (insert.executeUpdate() == 1) {
                    return Acceptance.NEW;
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT state, comment_key, result_event FROM platform_command WHERE idempotency_key = ?")) {
                select.setString(1, c.idempotencyKey());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    if (!"DONE".equals(row.getString("state"))) {
                        return Acceptance.ALREADY_PENDING;
                    }
                    enqueue(connection, row.getString("comment_key"), row.getString("result_event"), now);
                    return Acceptance.RESULT_REPUBLISHED;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store a platform command: " + e.getSQLState(), e);
        }
    }

    /**
     * Claims up to {@code max} due commands for {@code lease}: oldest first, at most one per comment
     * (a comment's later command waits until its earlier one is finished), skipping rows another
     * instance holds.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<StoredCommand> claimDue(int max, Instant now, Duration lease) {
        List<StoredCommand> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement("""
                        WITH due AS (
                            SELECT c.idempotency_key FROM platform_command c
                            WHERE c.state = 'PENDING' AND c.next_attempt_at <= ?
                              AND (c.lease_until IS NULL OR c.lease_until <= ?)
                              AND NOT EXISTS (SELECT 1 FROM platform_command earlier
                                              WHERE earlier.comment_key = c.comment_key AND earlier.state = 'PENDING'
                                                AND earlier.seq < c.seq)
                            ORDER BY c.seq
                            LIMIT ?
                            FOR UPDATE OF c SKIP LOCKED)
                        UPDATE platform_command p SET lease_until = ?, updated_at = ?
                        FROM due WHERE p.idempotency_key = due.idempotency_key
                        RETURNING p.*""")) {
            Timestamp at = Timestamp.from(now);
            claim.setTimestamp(1, at);
            claim.setTimestamp(2, at);
            claim.setInt(3, max);
            claim.setTimestamp(4, Timestamp.from(now.plus(lease)));
            claim.setTimestamp(5, at);
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    claimed.add(read(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim platform commands: " + e.getSQLState(), e);
        }
        return claimed;
    }

    /** Recorded before the call: a crash mid-call leaves the row saying an attempt was under way. */
    @Transactional(TxType.REQUIRES_NEW)
    public void markInFlight(String idempotencyKey, int attempts, Instant now) {
        update("UPDATE platform_command SET attempts = ?, in_flight = TRUE, updated_at = ? WHERE idempotency_key = ?",
                statement -> {
                    statement.setInt(1, attempts);
                    statement.setTimestamp(2, Timestamp.from(now));
                    statement.setString(3, idempotencyKey);
                });
    }

    /** Back in the queue until {@code at}: after a failed attempt, or when the rate limit said wait. */
    @Transactional(TxType.REQUIRES_NEW)
    public void reschedule(String idempotencyKey, Instant at, int attempts, Integer lastStatus, String lastMessage,
            Instant now) {
        update("""
                UPDATE platform_command SET next_attempt_at = ?, attempts = ?, in_flight = FALSE, lease_until = NULL,
                    last_status = COALESCE(?, last_status), last_message = COALESCE(?, last_message), updated_at = ?
                WHERE idempotency_key = ? AND state = 'PENDING'""", statement -> {
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setInt(2, attempts);
            statement.setObject(3, lastStatus, Types.INTEGER);
            statement.setString(4, lastMessage);
            statement.setTimestamp(5, Timestamp.from(now));
            statement.setString(6, idempotencyKey);
        });
    }

    /** Finished: the result is stored (for redeliveries), the reply text dropped, the event queued. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean complete(String commentKey, PlatformCommandCompleted result) {
        String event = codec.encode(ResultEvents.envelope(commentKey, result));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement done = connection.prepareStatement("""
                        UPDATE platform_command SET state = 'DONE', outcome = ?, attempts = ?, last_status = ?,
                            last_message = ?, platform_object_id = ?, completed_at = ?, result_event = ?,
                            reply_text = NULL, in_flight = FALSE, lease_until = NULL, updated_at = ?
                        WHERE idempotency_key = ? AND state = 'PENDING'""")) {
            done.setString(1, result.outcome().name());
            done.setInt(2, result.attempts());
            done.setObject(3, result.platformStatus(), Types.INTEGER);
            done.setString(4, result.platformMessage());
            done.setString(5, result.platformObjectId());
            done.setTimestamp(6, Timestamp.from(result.completedAt()));
            done.setString(7, event);
            done.setTimestamp(8, Timestamp.from(result.completedAt()));
            done.setString(9, result.idempotencyKey());
            if (done.executeUpdate() == 0) {
                return false;
            }
            enqueue(connection, commentKey, event, result.completedAt());
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a platform result: " + e.getSQLState(), e);
        }
    }

    /** When the next pending command that is first in its comment's line is due (its lease included), if any. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Instant> nextDue() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT min(GREATEST(c.next_attempt_at, COALESCE(c.lease_until, c.next_attempt_at)))
                        FROM platform_command c WHERE c.state = 'PENDING'
                          AND NOT EXISTS (SELECT 1 FROM platform_command earlier
                                          WHERE earlier.comment_key = c.comment_key AND earlier.state = 'PENDING'
                                            AND earlier.seq < c.seq)""");
                ResultSet row = select.executeQuery()) {
            row.next();
            Timestamp at = row.getTimestamp(1);
            return Optional.ofNullable(at).map(Timestamp::toInstant);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the command queue: " + e.getSQLState(), e);
        }
    }

    private static void enqueue(Connection connection, String key, String payload, Instant now) throws SQLException {
        try (PreparedStatement outbox = connection.prepareStatement(
                "INSERT INTO outbox (topic, message_key, payload, created_at) VALUES (?, ?, ?, ?)")) {
            outbox.setString(1, Topics.PLATFORM_RESULTS);
            outbox.setString(2, key);
            outbox.setString(3, payload);
            outbox.setTimestamp(4, Timestamp.from(now));
            outbox.executeUpdate();
        }
    }

    private static StoredCommand read(ResultSet row) throws SQLException {
        PlatformCommandIssued command = new PlatformCommandIssued(
                row.getObject("command_id", UUID.class),
                row.getString("idempotency_key"),
                CommandAction.valueOf(row.getString("action")),
                Platform.fromId(row.getString("platform")),
                row.getString("account_id"),
                row.getString("target"),
                row.getString("reply_text"),
                row.getObject("evidence_bundle_id", UUID.class),
                row.getObject("case_id", UUID.class),
                row.getString("issued_by"),
                row.getTimestamp("issued_at").toInstant());
        int status = row.getInt("last_status");
        Integer lastStatus = row.wasNull() ? null : status;
        return new StoredCommand(command, row.getString("comment_key"), row.getInt("attempts"),
                row.getBoolean("in_flight"), lastStatus, row.getString("last_message"));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update a platform command: " + e.getSQLState(), e);
        }
    }
}
