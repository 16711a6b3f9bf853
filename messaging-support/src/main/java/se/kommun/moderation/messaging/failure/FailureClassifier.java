package se.kommun.moderation.messaging.failure;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import se.kommun.moderation.events.MalformedEventException;

/**
 * Tells poison from transient failures by looking at the whole cause chain of an exception.
 *
 * <p>If anything in the chain is transient, the failure is transient: an outage wrapped in a
 * domain exception (or a rollback after a dropped connection) is still an outage, and treating an
 * outage as poison loses records, while treating poison as transient only delays a partition
 * until the bounded attempts of {@link FailureKind#UNKNOWN} or a fix. Otherwise anything poison in
 * the chain makes it poison; otherwise it is unknown.
 *
 * <p>Frameworks are matched by class name (Hibernate, Agroal, Jackson, Kafka's own errors are
 * matched by type where the class is always there), so services without Hibernate can use this too.
 */
public final class FailureClassifier {

    /**
     * SQLStates (or their two-character classes) that mean the database is away or busy, not that
     * the record is wrong: 08 connection exceptions; 57P01-57P03 admin shutdown, crash shutdown,
     * cannot connect now (starting up); 53300 too many connections; 55P03 lock not available;
     * 57014 statement (or lock) timeout cancelled the query; 40001 serialization failure and
     * 40P01 deadlock, which succeed when run again.
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "53300", "55P03",
            "57014", "40001", "40P01");

    /** SQLState classes of the record's own data: 22 data exception (too long, out of range), 23 constraint violation. */
    private static final Set<String> POISON_CLASSES = Set.of("22", "23");

    /** Exceptions known by name that mean the database or its pool did not answer. */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.QueryTimeoutException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.QueryTimeoutException",
            "org.apache.kafka.common.errors.TimeoutException",
            "org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.DisconnectException",
            "java.util.concurrent.TimeoutException",
            "io.smallrye.mutiny.TimeoutException");

    /** Exceptions known by name that mean the record cannot be read. */
    private static final Set<String> POISON_TYPES = Set.of(
            "com.fasterxml.jackson.core.JacksonException",
            "org.hibernate.exception.ConstraintViolationException",
            "org.hibernate.exception.DataException",
            "org.apache.kafka.common.errors.SerializationException",
            "org.apache.kafka.common.errors.RecordDeserializationException");

    /** What the failure says about the record. */
    public FailureKind classify(Throwable failure) {
        boolean poison = false;
        for (Throwable t : chain(failure)) {
            FailureKind kind = classifyOne(t);
            if (kind == FailureKind.TRANSIENT) {
                return FailureKind.TRANSIENT;
            }
            poison |= kind == FailureKind.POISON;
        }
        return poison ? FailureKind.POISON : FailureKind.UNKNOWN;
    }

    /**
     * A reason for the dead-letter header that names no content: the codec's and the domain's
     * messages are written to name a field or a rule only; a database error is given by its SQLState
     * alone (PostgreSQL's messages quote the values that broke the constraint).
     */
    public String reason(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return "the database refused the record (SQLState " + sql.getSQLState() + ")";
            }
        }
        for (Throwable t : chain(failure)) {
            if (t instanceof MalformedEventException || t instanceof IllegalArgumentException) {
                return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            }
        }
        // Anything else by its type alone: its message may quote what it was working on.
        List<Throwable> all = chain(failure);
        Throwable root = all.get(all.size() - 1);
        return failure.getClass().getSimpleName() + (root == failure ? "" : " (caused by " + root.getClass().getSimpleName() + ")");
    }

    private static FailureKind classifyOne(Throwable t) {
        if (t instanceof SQLException sql) {
            return classifySql(sql);
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException
                || t instanceof SocketTimeoutException || t instanceof SocketException) {
            return FailureKind.TRANSIENT;
        }
        if (isNamed(t, TRANSIENT_TYPES)) {
            return FailureKind.TRANSIENT;
        }
        if (t instanceof MalformedEventException || t instanceof IllegalArgumentException
                || isNamed(t, POISON_TYPES)) {
            return FailureKind.POISON;
        }
        return FailureKind.UNKNOWN;
    }

    private static FailureKind classifySql(SQLException sql) {
        if (sql instanceof SQLTransientException || sql instanceof SQLRecoverableException) {
            return FailureKind.TRANSIENT;
        }
        String state = sql.getSQLState();
        if (state == null) {
            // Agroal's pool says "Acquisition timeout while waiting for new connection" (or "Sorry,
            // acquisition timeout!") with no SQLState when no connection could be had in time.
            String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
            return message.contains("acquisition timeout") ? FailureKind.TRANSIENT : FailureKind.UNKNOWN;
        }
        if (state.startsWith("08") || TRANSIENT_STATES.contains(state)) {
            return FailureKind.TRANSIENT;
        }
        if (state.length() >= 2 && POISON_CLASSES.contains(state.substring(0, 2))) {
            return FailureKind.POISON;
        }
        return FailureKind.UNKNOWN;
    }

    /** The class or one of its superclasses has one of these names. */
    private static boolean isNamed(Throwable t, Set<String> names) {
        for (Class<?> type = t.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            if (names.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The exception, its causes and the next exceptions of SQL batches, each once. */
    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> all = new ArrayList<>();
        ArrayDeque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty() && all.size() < 64) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                // A JDBC batch reports the statement's real error as the next exception.
                todo.add(sql.getNextException());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                todo.add(suppressed);
            }
        }
        return all;
    }
}
