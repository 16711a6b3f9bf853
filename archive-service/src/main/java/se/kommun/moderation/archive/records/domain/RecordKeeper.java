package se.kommun.moderation.archive.records.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.Map;
import org.jboss.logging.Logger;
import se.kommun.moderation.archive.records.persistence.RecordVersionStore;

/**
 * Keeps every received version as received, a poll at a time: one transaction and one JDBC batch
 * per poll. Idempotent by event id: a redelivered or replayed event is recognised and stored once.
 * Versions of one comment arrive in order (one partition per comment key), so a version's number is
 * the comment's highest so far plus one. A removal by the author is stored as a version like any
 * other; nothing is ever taken out of our copy.
 */
@ApplicationScoped
public class RecordKeeper {

    private static final Logger LOG = Logger.getLogger(RecordKeeper.class);

    private final Clock clock = Clock.systemUTC();

    @Inject
    RecordVersionStore store;

    /** What became of a poll. */
    public record Outcome(int stored, List<IntakeBatch.Rejected> rejected) {
    }

    /**
     * Stores the accepted events of the batch. Should the database refuse the batch as a whole for a
     * data reason, each record is stored on its own so that the one it refuses is set apart (with the
     * SQLState as reason) and the rest are kept. Any other failure propagates: nothing is acknowledged.
     */
    public Outcome keep(IntakeBatch batch) {
        List<IntakeBatch.Rejected> rejected = new ArrayList<>(batch.rejected());
        if (batch.accepted().isEmpty()) {
            return new Outcome(0, rejected);
        }
        try {
            int stored = QuarkusTransaction.requiringNew().call(() -> storeAll(batch.accepted()));
            return new Outcome(stored, rejected);
        } catch (RuntimeException e) {
            SQLException sql = sqlCause(e);
            if (sql == null || !isDataError(sql)) {
                throw e;
            }
            LOG.warnf("the database refused a batch of %d (SQLState %s); storing its records one by one",
                    batch.accepted().size(), sql.getSQLState());
        }
        int stored = 0;
        for (IntakeBatch.Accepted one : batch.accepted()) {
            try {
                stored += QuarkusTransaction.requiringNew().call(() -> storeAll(List.of(one)));
            } catch (RuntimeException e) {
                SQLException sql = sqlCause(e);
                if (sql == null || !isDataError(sql)) {
                    throw e;
                }
                rejected.add(new IntakeBatch.Rejected(one.source(),
                        "the archive database refused the record (SQLState " + sql.getSQLState() + ")"));
            }
        }
        return new Outcome(stored, rejected);
    }

    private int storeAll(List<IntakeBatch.Accepted> accepted) throws SQLException {
        try (Connection c = store.connection()) {
            Set<UUID> already = store.storedEventIds(c, accepted.stream().map(a -> a.event().eventId()).toList());
            List<String> keys = accepted.stream().map(a -> a.event().commentKey()).distinct().toList();
            Map<String, Integer> highest = store.highestVersions(c, keys);
            return store.insert(c, IntakeBatch.version(accepted, already, highest), clock.instant());
        }
    }

    /** Class 22 (data exception) and 23 (integrity constraint violation): this record, not the database. */
    static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
