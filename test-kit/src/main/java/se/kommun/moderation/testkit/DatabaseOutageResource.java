package se.kommun.moderation.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * A fresh database (as {@link PostgresDatabaseResource}, resource argument {@code purpose}) that
 * the service reaches only through a {@link CuttableTcpProxy}, for the outage tests: the test
 * cuts and restores the proxy, and reads the database directly through {@link TestDatabase}.
 * The service's consumers back off quickly here and report not ready after one second, so the
 * tests stay short. Resource arguments {@code config.<property>} set more of the service's
 * configuration for the test.
 */
public class DatabaseOutageResource implements QuarkusTestResourceLifecycleManager {

    private static final String CONFIG = "config.";

    private String purpose = "outage";
    private final Map<String, String> extraConfig = new HashMap<>();
    private TestDatabase database;
    private CuttableTcpProxy proxy;

    @Override
    public void init(Map<String, String> initArgs) {
        purpose = initArgs.getOrDefault("purpose", purpose);
        // "config.<property>" arguments are passed on as the service's configuration.
        initArgs.forEach((name, value) -> {
            if (name.startsWith(CONFIG)) {
                extraConfig.put(name.substring(CONFIG.length()), value);
            }
        });
    }

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create(purpose);
        // A thousand small transactions each: the outage is what is tested, not the disk.
        database.withoutSynchronousCommit();
        proxy = CuttableTcpProxy.to(database.host(), database.port());
        Map<String, String> config = new HashMap<>(database.quarkusConfig());
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrlThrough(proxy.port()));
        config.put("messaging.consumer-failures.first-backoff", "50ms");
        config.put("messaging.consumer-failures.max-backoff", "500ms");
        config.put("messaging.consumer-failures.not-ready-after", "1s");
        config.putAll(extraConfig);
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(database, new TestInjector.MatchesType(TestDatabase.class));
        testInjector.injectIntoFields(proxy, new TestInjector.MatchesType(CuttableTcpProxy.class));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
