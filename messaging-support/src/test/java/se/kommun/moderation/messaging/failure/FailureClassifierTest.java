package se.kommun.moderation.messaging.failure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.PersistenceException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import se.kommun.moderation.events.MalformedEventException;

class FailureClassifierTest {

    private final FailureClassifier classifier = new FailureClassifier();

    @ParameterizedTest
    @ValueSource(strings = {"08000", "08001", "08003", "08006", "57P01", "57P02", "57P03", "53300", "55P03", "57014",
            "40001", "40P01"})
    void aDatabaseThatIsAwayOrBusyIsTransient(String sqlState) {
        assertThat(classifier.classify(new SQLException("away", sqlState))).isEqualTo(FailureKind.TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23503", "23502", "23514", "22001", "22003", "22P02"})
    void theRecordsOwnDataBreakingAConstraintIsPoison(String sqlState) {
        assertThat(classifier.classify(new SQLException("refused", sqlState))).isEqualTo(FailureKind.POISON);
    }

    @Test
    void theDriversConnectionFailuresAsHibernateWrapsThemAreTransient() {
        PSQLException refused = new PSQLException("Connection to 127.0.0.1:5999 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"));
        PSQLException reset = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE, new SocketException("Connection reset"));
        assertThat(classifier.classify(new PersistenceException(new JDBCConnectionException("could not prepare", refused))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(classifier.classify(new IllegalStateException("commit failed", reset))).isEqualTo(FailureKind.TRANSIENT);
        // By its type alone, whatever SQLException is inside.
        assertThat(classifier.classify(new JDBCConnectionException("gone", new SQLException("no state"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(classifier.classify(new SQLTransientConnectionException("gone"))).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void thePoolNotHandingOutAConnectionInTimeIsTransient() {
        // Agroal's two messages, with no SQLState.
        assertThat(classifier.classify(new SQLException("Acquisition timeout while waiting for new connection")))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(classifier.classify(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void aBrokerThatDoesNotAnswerIsTransient() {
        assertThat(classifier.classify(new TimeoutException("Expiring 3 record(s)"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(classifier.classify(new NotLeaderOrFollowerException("moved"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(classifier.classify(new io.smallrye.mutiny.TimeoutException())).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void aRecordThatCannotBeReadIsPoison() throws Exception {
        Exception json;
        try {
            new ObjectMapper().readTree("{\"eventId\": ");
            throw new AssertionError("parsed");
        } catch (Exception e) {
            json = e;
        }
        assertThat(classifier.classify(json)).isEqualTo(FailureKind.POISON);
        assertThat(classifier.classify(new UncheckedIOException(new java.io.IOException(json))))
                .isEqualTo(FailureKind.POISON);
        assertThat(classifier.classify(new MalformedEventException("missing field 'payload'")))
                .isEqualTo(FailureKind.POISON);
        assertThat(classifier.classify(new IllegalArgumentException("route TRIVIAL needs no subtype")))
                .isEqualTo(FailureKind.POISON);
        assertThat(classifier.classify(new PersistenceException(new ConstraintViolationException("duplicate",
                new SQLException("duplicate key", "23505"), "uq_key")))).isEqualTo(FailureKind.POISON);
    }

    @Test
    void anOutageWinsOverPoisonAnywhereInTheChain() {
        // A domain exception wrapping a dropped connection is still an outage: never dead-letter it.
        IllegalArgumentException wrapped = new IllegalArgumentException("could not read",
                new SQLException("connection lost", "08006"));
        assertThat(classifier.classify(wrapped)).isEqualTo(FailureKind.TRANSIENT);
        // A JDBC batch reports the real error of the statement as the next exception.
        BatchUpdateException batch = new BatchUpdateException("Batch entry 3 was aborted", "23505", new int[0]);
        batch.setNextException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertThat(classifier.classify(batch)).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void whatCannotBeToldIsUnknown() {
        assertThat(classifier.classify(new IllegalStateException("something else"))).isEqualTo(FailureKind.UNKNOWN);
        assertThat(classifier.classify(new NullPointerException())).isEqualTo(FailureKind.UNKNOWN);
        assertThat(classifier.classify(new SQLException("syntax error", "42601"))).isEqualTo(FailureKind.UNKNOWN);
        assertThat(classifier.classify(new SQLException("no state at all"))).isEqualTo(FailureKind.UNKNOWN);
        assertThat(classifier.classify(new RecordTooLargeException("too large"))).isEqualTo(FailureKind.UNKNOWN);
    }

    @Test
    void reasonsNameNoContent() {
        assertThat(classifier.reason(new PersistenceException(new ConstraintViolationException("x",
                new SQLException("Key (comment_key)=(facebook:p:Kalle) already exists", "23505"), "uq"))))
                .isEqualTo("the database refused the record (SQLState 23505)");
        assertThat(classifier.reason(new MalformedEventException("invalid field 'payload' at 1:17")))
                .isEqualTo("invalid field 'payload' at 1:17");
        assertThat(classifier.reason(new IllegalStateException("Kalle wrote something", new NullPointerException("text"))))
                .isEqualTo("IllegalStateException (caused by NullPointerException)");
    }
}
