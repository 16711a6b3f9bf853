package se.kommun.moderation.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at a real broker: see {@link KafkaBroker#forThisRun()}. With the
 * resource argument {@code isolated=true} the test's topics and groups get a prefix of their own
 * ({@link KafkaBroker#isolated()}).
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;
    private boolean isolated;

    @Override
    public void init(Map<String, String> initArgs) {
        isolated = Boolean.parseBoolean(initArgs.getOrDefault("isolated", "false"));
    }

    @Override
    public Map<String, String> start() {
        broker = isolated ? KafkaBroker.forThisRun().isolated() : KafkaBroker.forThisRun();
        return broker.serviceConfig();
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker, new TestInjector.MatchesType(KafkaBroker.class));
    }

    @Override
    public void stop() {
        // The in-process broker lives as long as the JVM, so that test classes share it.
    }
}
