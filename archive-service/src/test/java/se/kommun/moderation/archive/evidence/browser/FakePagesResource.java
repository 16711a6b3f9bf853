package se.kommun.moderation.archive.evidence.browser;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Starts the fake platform page server before the service, so that the service's egress
 * allow-list can name it: Facebook's hosts are replaced by the server's exact address and port
 * (and one port where nothing listens, for the unreachable case), and a web account gets the
 * server as its site. Nothing else on loopback is reachable for the browser.
 */
public class FakePagesResource implements QuarkusTestResourceLifecycleManager {

    public static final String WEB_ACCOUNT = "kommunens-webb";

    private static FakePlatformPages pages;
    private static int unreachablePort;

    @Override
    public Map<String, String> start() {
        pages = new FakePlatformPages();
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            unreachablePort = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "archive.evidence.hosts.platform.\"facebook\"", pages.origin() + ",127.0.0.1:" + unreachablePort,
                "archive.evidence.hosts.account.\"" + WEB_ACCOUNT + "\"", pages.origin());
    }

    public static FakePlatformPages pages() {
        return pages;
    }

    /** Allow-listed, but nothing listens there. */
    public static String unreachableUrl() {
        return "http://127.0.0.1:" + unreachablePort + "/comment/x";
    }

    @Override
    public void stop() {
        pages.close();
    }
}
