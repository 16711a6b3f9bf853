package se.kommun.moderation.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test run, created through an administrative connection and
 * dropped afterwards. The server is the local one unless the environment says otherwise:
 * {@code TEST_DB_ADMIN_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}),
 * {@code TEST_DB_USER} (default {@code postgres}) and {@code TEST_DB_PASSWORD} (default empty).
 */
public final class TestDatabase implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;

    private TestDatabase(String adminUrl, String user, String password, String name) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates {@code test_<purpose>_<time>_<random>}. */
    public static TestDatabase create(String purpose) {
        String adminUrl = env("TEST_DB_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = env("TEST_DB_USER", "postgres");
        String password = env("TEST_DB_PASSWORD", "");
        String name = ("test_" + purpose + "_" + LocalDateTime.now().format(STAMP) + "_"
                + UUID.randomUUID().toString().substring(0, 6)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        TestDatabase database = new TestDatabase(adminUrl, user, password, name);
        database.execute("CREATE DATABASE " + name);
        return database;
    }

    public String jdbcUrl() {
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    }

    /** The URL of this database through another port on this machine (an outage test's proxy). */
    public String jdbcUrlThrough(int port) {
        return jdbcUrl().replaceFirst("^jdbc:postgresql://[^/]+/", "jdbc:postgresql://127.0.0.1:" + port + "/");
    }

    /** The server's host, from the URL (for a proxy in front of it). */
    public String host() {
        return hostAndPort()[0];
    }

    /** The server's port, from the URL. */
    public int port() {
        String[] hostPort = hostAndPort();
        return hostPort.length > 1 ? Integer.parseInt(hostPort[1]) : 5432;
    }

    private String[] hostAndPort() {
        String rest = adminUrl.substring("jdbc:postgresql://".length());
        return rest.substring(0, rest.indexOf('/')).split(":");
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String name() {
        return name;
    }

    /** The datasource properties of a Quarkus service. */
    public Map<String, String> quarkusConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    /**
     * Drops synchronous commit for this database: a commit returns before its WAL is on disk. Only
     * for tests that run many small transactions and test something other than durability (on a
     * busy two-core machine an fsync per commit is most of their time).
     */
    public void withoutSynchronousCommit() {
        execute("ALTER DATABASE " + name + " SET synchronous_commit = off");
    }

    /** The single number a query such as {@code SELECT count(*) FROM t} answers. */
    public int count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + adminUrl + " as " + user + " refused '" + sql
                    + "': " + e.getMessage() + ". Is it running? deploy/local/db-bootstrap.sh starts the local"
                    + " server; TEST_DB_ADMIN_URL, TEST_DB_USER and TEST_DB_PASSWORD point at another.", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
