package se.kommun.moderation.archive.evidence.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import se.kommun.moderation.archive.evidence.domain.EgressDecision;
import se.kommun.moderation.archive.evidence.domain.EgressLog;
import se.kommun.moderation.archive.evidence.domain.EgressPolicy;
import se.kommun.moderation.archive.evidence.domain.ScreenshotResult;
import se.kommun.moderation.archive.evidence.domain.ScreenshotTaker;
import se.kommun.moderation.archive.evidence.domain.WebAddress;

/**
 * Full-page PNG screenshots with a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}), driven through Selenium with an explicit binary and driver so nothing
 * is ever downloaded.
 *
 * <p>Starting a browser costs about 1.5 s, so sessions are kept and reused: at most
 * {@code poolSize} browsers exist, a capture borrows one, and a session is retired after
 * {@code maxCapturesPerSession} captures (or at once when it misbehaves) to bound memory. Every
 * capture has two time limits: the page-load timeout (after which whatever has loaded is taken,
 * with a caveat) and a hard capture timeout (after which the browser is killed and the capture
 * fails). Thread-safe.
 *
 * <p>A permalink is attacker-controlled, so the browser only goes where the capture's
 * {@link EgressPolicy} allows: the URL is checked before it is opened (http(s), host allowed,
 * public address), every request of the browser (redirects, subresources, websockets) passes
 * through this session's {@link FilteringProxy}, and the final {@code document.location} is
 * checked again. When the service runs as root, Chromium runs as an unprivileged user with its
 * sandbox ({@link BrowserUser}).
 */
public final class ChromiumScreenshots implements ScreenshotTaker, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChromiumScreenshots.class);
    private static final Pattern NET_ERROR = Pattern.compile("net::(ERR_[A-Z_]+)");

    /** How the browser is found and run. */
    public record Settings(
            Path binary,
            Path driver,
            List<String> arguments,
            int poolSize,
            Duration pageLoadTimeout,
            Duration captureTimeout,
            int windowWidth,
            int windowHeight,
            int maxPageHeight,
            int maxCapturesPerSession,
            Optional<String> runAs) {
    }

    /**
     * Hosts Chromium calls by itself, whatever the page: Google sign-in (ListAccounts, retried with
     * backoff while it fails, so it lands in the middle of later captures), component updates and
     * network time. No flag turns all of them off. They are refused like everything not allowed;
     * they are just not counted against the page in its caveat or taken as a navigation's fate.
     */
    static final Set<String> BROWSER_OWN_HOSTS = Set.of("accounts.google.com", "clients2.google.com",
            "update.googleapis.com", "optimizationguide-pa.googleapis.com", "content-autofill.googleapis.com",
            "safebrowsingohttpgateway.googleapis.com", "redirector.gvt1.com", "edgedl.me.gvt1.com");

    /**
     * Flags that would let the browser around the egress filter or out of its profile: whatever
     * the configuration says, these are set by this class alone.
     */
    private static final List<String> RESERVED_FLAGS = List.of("--proxy-server", "--proxy-pac-url",
            "--proxy-bypass-list", "--no-proxy-server", "--proxy-auto-detect", "--host-resolver-rules",
            "--user-data-dir", "--remote-debugging-port", "--remote-debugging-pipe");

    private final Settings settings;
    private final Semaphore permits;
    private final BlockingQueue<Session> idle;
    private final ExecutorService runner;
    private final AtomicInteger sessionsStarted = new AtomicInteger();
    private final AtomicInteger profiles = new AtomicInteger();
    private BrowserUser user;
    private volatile boolean closed;

    public ChromiumScreenshots(Settings settings) {
        this.settings = settings;
        this.permits = new Semaphore(settings.poolSize(), true);
        this.idle = new ArrayBlockingQueue<>(settings.poolSize());
        AtomicInteger threads = new AtomicInteger();
        this.runner = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "chromium-capture-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether the configured browser and driver exist (they are installed by deploy/local/chromium.sh). */
    public Optional<String> unavailable() {
        if (!Files.isExecutable(settings.binary())) {
            return Optional.of("Chromium is not installed at " + settings.binary());
        }
        if (!Files.isExecutable(settings.driver())) {
            return Optional.of("chromedriver is not installed at " + settings.driver());
        }
        return Optional.empty();
    }

    /** How many browser sessions were started so far (reuse makes this much smaller than the captures). */
    public int sessionsStarted() {
        return sessionsStarted.get();
    }

    @Override
    public ScreenshotResult capture(String url, EgressPolicy policy) {
        Optional<String> unavailable = unavailable();
        if (unavailable.isPresent()) {
            return new ScreenshotResult.Failed(unavailable.get());
        }
        if (url == null || url.isBlank()) {
            return new ScreenshotResult.Failed("the record has no permalink");
        }
        Optional<WebAddress> address = WebAddress.parse(url);
        if (address.isEmpty()) {
            return new ScreenshotResult.Failed("the permalink is not an http(s) URL");
        }
        // Checked here as well as in the proxy: a refused permalink costs no browser, and its
        // reason is about the permalink itself rather than about some request that failed.
        if (policy.admit(address.get()) instanceof EgressDecision.Refused refused) {
            return new ScreenshotResult.Failed("the permalink's " + refused.refusal().reason() + "; not opened");
        }
        if (closed) {
            return new ScreenshotResult.Failed("the screenshot service is shutting down");
        }
        boolean acquired = false;
        try {
            // A capture waits for a free browser at most a few capture timeouts; the caller's
            // worker pool is what bounds the queue.
            acquired = permits.tryAcquire(settings.captureTimeout().toMillis() * 4, TimeUnit.MILLISECONDS);
            if (!acquired) {
                return new ScreenshotResult.Failed("no browser became free within "
                        + seconds(settings.captureTimeout().multipliedBy(4)));
            }
            return captureWithSession(url, address.get(), policy, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ScreenshotResult.Failed("interrupted");
        } finally {
            if (acquired) {
                permits.release();
            }
        }
    }

    private ScreenshotResult captureWithSession(String url, WebAddress address, EgressPolicy policy, boolean mayRetry) {
        Session session = idle.poll();
        boolean reused = session != null;
        if (session == null) {
            try {
                session = startSession();
            } catch (RuntimeException e) {
                LOG.warnf("could not start Chromium: %s", e.getClass().getSimpleName());
                return new ScreenshotResult.Failed("Chromium could not be started (" + e.getClass().getSimpleName() + ")");
            }
        }
        Session current = session;
        Future<ScreenshotResult> future = runner.submit(() -> current.capture(url, address, policy));
        try {
            ScreenshotResult result = future.get(settings.captureTimeout().toMillis(), TimeUnit.MILLISECONDS);
            giveBack(current);
            return result;
        } catch (TimeoutException e) {
            future.cancel(true);
            current.kill();
            return new ScreenshotResult.Failed("no screenshot within " + seconds(settings.captureTimeout())
                    + "; the browser was stopped");
        } catch (ExecutionException e) {
            current.kill();
            if (reused && mayRetry) {
                // A kept session may have died in between (browser crash, OOM): one fresh try.
                return captureWithSession(url, address, policy, false);
            }
            Throwable cause = e.getCause();
            LOG.warnf("screenshot failed: %s", cause.getClass().getSimpleName());
            return new ScreenshotResult.Failed("the browser failed (" + cause.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            current.kill();
            return new ScreenshotResult.Failed("interrupted");
        }
    }

    private void giveBack(Session session) {
        if (closed || session.captures >= settings.maxCapturesPerSession() || !idle.offer(session)) {
            session.kill();
        }
    }

    private Session startSession() {
        BrowserUser browserUser = user();
        FilteringProxy proxy;
        try {
            proxy = FilteringProxy.start(BROWSER_OWN_HOSTS);
        } catch (IOException e) {
            throw new UncheckedIOException("the egress proxy could not be started", e);
        }
        Path profile = browserUser.workDir().resolve("profile-" + profiles.incrementAndGet());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(settings.binary().toFile());
        options.addArguments(browserUser.chromiumArguments(withoutReservedFlags(settings.arguments())));
        options.addArguments("--window-size=" + settings.windowWidth() + "," + settings.windowHeight());
        options.addArguments(egressArguments(proxy.port()));
        options.addArguments("--user-data-dir=" + profile);
        options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(browserUser.driverExecutable().toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(settings.pageLoadTimeout());
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(5));
            sessionsStarted.incrementAndGet();
            return new Session(driver, service, proxy, profile);
        } catch (RuntimeException e) {
            proxy.close();
            service.stop();
            throw e;
        }
    }

    /**
     * Everything goes through the proxy, loopback included (Chromium bypasses proxies for loopback
     * unless told {@code <-loopback>}); Chromium itself resolves no names (a request that somehow
     * skipped the proxy finds nothing; the rule would hide the proxy's own address too, hence the
     * exclusion); WebRTC sends no UDP around the proxy.
     */
    static List<String> egressArguments(int proxyPort) {
        return List.of("--proxy-server=http://127.0.0.1:" + proxyPort, "--proxy-bypass-list=<-loopback>",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--force-webrtc-ip-handling-policy=disable_non_proxied_udp");
    }

    private static List<String> withoutReservedFlags(List<String> arguments) {
        return arguments.stream()
                .filter(a -> RESERVED_FLAGS.stream().noneMatch(f -> a.equals(f) || a.startsWith(f + "=")))
                .toList();
    }

    /** Prepared on the first browser start; logs once when Chromium has to run without its sandbox. */
    private synchronized BrowserUser user() {
        if (user == null) {
            user = BrowserUser.prepare(settings.driver(), settings.runAs(), settings.arguments().contains("--no-sandbox"));
            user.noSandboxBecause().ifPresent(why -> LOG.warnf("Chromium runs without its sandbox: %s", why));
        }
        return user;
    }

    /** Where the browsers' profiles are (package-private: tests look for the processes using them). */
    synchronized Optional<Path> workDir() {
        return Optional.ofNullable(user).map(BrowserUser::workDir);
    }

    /** Stops every kept browser and waits (up to 10 s each) until its processes are gone. */
    @Override
    public void close() {
        closed = true;
        Session session;
        List<Thread> stopping = new ArrayList<>();
        while ((session = idle.poll()) != null) {
            stopping.add(session.kill());
        }
        for (Thread t : stopping) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        runner.shutdownNow();
        synchronized (this) {
            if (user != null) {
                user.close();
            }
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** One browser, its driver process and its egress proxy. Used by one capture at a time. */
    private final class Session {

        private final ChromeDriver driver;
        private final ChromeDriverService service;
        private final FilteringProxy proxy;
        private final Path profile;
        private int captures;

        Session(ChromeDriver driver, ChromeDriverService service, FilteringProxy proxy, Path profile) {
            this.driver = driver;
            this.service = service;
            this.proxy = proxy;
            this.profile = profile;
        }

        ScreenshotResult capture(String url, WebAddress permalink, EgressPolicy policy) {
            captures++;
            EgressLog egress = new EgressLog();
            proxy.admit(policy, egress);
            try {
                return captureAllowed(url, permalink, policy, egress);
            } finally {
                proxy.refuseAll();
            }
        }

        private ScreenshotResult captureAllowed(String url, WebAddress permalink, EgressPolicy policy, EgressLog egress) {
            String caveat = null;
            try {
                driver.get(url);
            } catch (org.openqa.selenium.TimeoutException e) {
                // The page did not finish loading in time: take what has loaded, if anything has.
                ((JavascriptExecutor) driver).executeScript("window.stop();");
                caveat = "the page had not finished loading after " + seconds(settings.pageLoadTimeout())
                        + "; the screenshot shows what had loaded";
            } catch (WebDriverException e) {
                Matcher net = NET_ERROR.matcher(String.valueOf(e.getMessage()));
                if (net.find()) {
                    reset();
                    return new ScreenshotResult.Failed(navigationFailed(permalink, egress)
                            .orElse("the permalink could not be reached (" + net.group(1) + ")"));
                }
                throw e;
            }
            JavascriptExecutor js = (JavascriptExecutor) driver;
            String location = location(js);
            if (location.startsWith("chrome-error:")) {
                reset();
                return new ScreenshotResult.Failed(navigationFailed(permalink, egress)
                        .orElse("the permalink could not be reached (browser error page)"));
            }
            Optional<String> elsewhere = wentElsewhere(location, permalink, policy, egress);
            if (elsewhere.isPresent()) {
                reset();
                return new ScreenshotResult.Failed(elsewhere.get());
            }
            if (caveat != null && !Boolean.TRUE.equals(js.executeScript(
                    "const n = performance.getEntriesByType('navigation')[0];"
                            + " return !!(n && n.responseStart > 0) && document.body != null"
                            + " && document.body.childNodes.length > 0;"))) {
                // Nothing of the page arrived before the timeout: there is nothing to show.
                reset();
                return new ScreenshotResult.Failed("the permalink did not answer within "
                        + seconds(settings.pageLoadTimeout()));
            }
            Object status = js.executeScript("const n = performance.getEntriesByType('navigation')[0];"
                    + " return n && n.responseStatus ? n.responseStatus : 0;");
            long httpStatus = status instanceof Number n ? n.longValue() : 0;
            if (httpStatus >= 400) {
                reset();
                return new ScreenshotResult.Failed("the permalink answered HTTP " + httpStatus);
            }
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
            int width = Math.max(settings.windowWidth(), (int) Math.ceil(number(content.get("width"))));
            int fullHeight = (int) Math.ceil(number(content.get("height")));
            int height = Math.max(1, Math.min(settings.maxPageHeight(), fullHeight));
            if (fullHeight > settings.maxPageHeight()) {
                String cut = "the page is " + fullHeight + " px high; the screenshot shows the top "
                        + settings.maxPageHeight() + " px";
                caveat = caveat == null ? cut : caveat + "; " + cut;
            }
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "format", "png",
                    "captureBeyondViewport", true,
                    "fromSurface", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            // The page may have moved on by script while it was drawn: the picture must still be
            // of an allowed page.
            Optional<String> movedOn = wentElsewhere(location(js), permalink, policy, egress);
            if (movedOn.isPresent()) {
                reset();
                return new ScreenshotResult.Failed(movedOn.get());
            }
            byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
            Optional<String> blocked = egress.blockedCaveat();
            if (blocked.isPresent()) {
                caveat = caveat == null ? blocked.get() : caveat + "; " + blocked.get();
            }
            reset();
            return new ScreenshotResult.Captured(png, width, height, Optional.ofNullable(caveat));
        }

        /**
         * The navigation failed without a page: if the proxy turned a step of it away or could not
         * reach it, that is the reason (before a page exists, every request is a navigation step).
         */
        private Optional<String> navigationFailed(WebAddress permalink, EgressLog egress) {
            return egress.latest().map(entry -> because(entry, permalink));
        }

        /**
         * Where the browser ended up, if that is not an allowed page: the proxy's own 403 or 502
         * page for a redirect it stopped, or (should anything have slipped past the proxy) a host
         * the policy refuses.
         */
        private Optional<String> wentElsewhere(String location, WebAddress permalink, EgressPolicy policy,
                EgressLog egress) {
            if (location.equals("about:blank")) {
                // Nothing was committed (a page that never answered): the checks below say so.
                return Optional.empty();
            }
            Optional<WebAddress> at = WebAddress.parse(location);
            if (at.isEmpty()) {
                return Optional.of("the page went on to an address that is not http(s); not captured");
            }
            Optional<EgressLog.Entry> stopped = egress.latestFor(at.get().host(), at.get().port());
            if (stopped.isPresent()) {
                return Optional.of(because(stopped.get(), permalink));
            }
            if (policy.admit(at.get()) instanceof EgressDecision.Refused refused) {
                return Optional.of("the permalink redirected to a host that is not allowed ("
                        + refused.refusal().reason() + "); not captured");
            }
            return Optional.empty();
        }

        private String because(EgressLog.Entry entry, WebAddress permalink) {
            boolean permalinkItself = entry.host().equals(permalink.host()) && entry.port() == permalink.port();
            if (!entry.refused()) {
                return "the permalink could not be reached (" + entry.reason() + ")";
            }
            return permalinkItself ? "the permalink's " + entry.reason() + "; not opened"
                    : "the permalink redirected to a host that is not allowed (" + entry.reason() + "); not opened";
        }

        private String location(JavascriptExecutor js) {
            return String.valueOf(js.executeScript("return document.location.href;"));
        }

        /** Leaves nothing of one capture to the next: no page, no cookies. */
        private void reset() {
            driver.manage().deleteAllCookies();
            driver.get("about:blank");
        }

        Thread kill() {
            // quit() talks to the driver; if the browser hangs, stopping the service kills the processes.
            Thread killer = new Thread(() -> {
                try {
                    driver.quit();
                } catch (RuntimeException ignored) {
                    // the processes are stopped below either way
                } finally {
                    service.stop();
                    proxy.close();
                    BrowserUser.deleteTree(profile);
                }
            }, "chromium-stop");
            killer.setDaemon(true);
            killer.start();
            return killer;
        }
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0.0;
    }

    /**
     * The Debian flags (feasibility study §5) plus what makes screenshots steady. No
     * {@code --no-sandbox}: {@link BrowserUser} adds it only when Chromium cannot have its sandbox.
     */
    public static List<String> defaultArguments() {
        return List.of("--headless", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=sv-SE");
    }
}
