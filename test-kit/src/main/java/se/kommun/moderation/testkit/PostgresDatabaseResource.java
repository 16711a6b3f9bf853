package se.kommun.moderation.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} its own fresh database for the run (see {@link TestDatabase}); the
 * resource argument {@code purpose} names it, e.g. {@code case}.
 */
public class PostgresDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private String purpose = "service";
    private TestDatabase database;

    @Override
    public void init(Map<String, String> initArgs) {
        purpose = initArgs.getOrDefault("purpose", purpose);
    }

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create(purpose);
        return database.quarkusConfig();
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(database, new TestInjector.MatchesType(TestDatabase.class));
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
