package se.kommun.moderation.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a {@code @QuarkusTest} at a real broker: see {@link KafkaBroker#forThisRun()}. */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.forThisRun();
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
