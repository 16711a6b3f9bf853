package se.kommun.moderation.ingest.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A fake external platform for a {@code @QuarkusTest}: a WireMock server on a dynamic loopback port,
 * injected into the test's {@link WireMockServer} field and stopped with the application. Subclasses
 * add their default stubs and say which configuration points the service at it.
 */
public abstract class LoopbackWireMockResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    /** Default stubs, and the service configuration that points at {@code server}. */
    protected abstract Map<String, String> configure(WireMockServer server);

    @Override
    public final Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return configure(server);
    }

    @Override
    public final void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
    }

    @Override
    public final void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
