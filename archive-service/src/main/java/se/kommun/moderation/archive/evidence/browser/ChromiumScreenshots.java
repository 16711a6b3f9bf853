package se.kommun.moderation.archive.evidence.browser;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import se.kommun.moderation.archive.evidence.domain.ScreenshotResult;
import se.kommun.moderation.archive.evidence.domain.ScreenshotTaker;

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
 * fails). Only {@code http} and {@code https} URLs are opened. Thread-safe.
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
            int maxCapturesPerSession) {
    }

    private final Settings settings;
    private final Semaphore permits;
    private final BlockingQueue<Session> idle;
    private final ExecutorService runner;
    private final AtomicInteger sessionsStarted = new AtomicInteger();
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
    public ScreenshotResult capture(String url) {
        Optional<String> unavailable = unavailable();
        if (unavailable.isPresent()) {
            return new ScreenshotResult.Failed(unavailable.get());
        }
        String scheme = scheme(url);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return new ScreenshotResult.Failed(url == null || url.isBlank() ? "the record has no permalink"
                    : "the permalink is not an http(s) URL");
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
            return captureWithSession(url, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ScreenshotResult.Failed("interrupted");
        } finally {
            if (acquired) {
                permits.release();
            }
        }
    }

    private ScreenshotResult captureWithSession(String url, boolean mayRetry) {
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
        Future<ScreenshotResult> future = runner.submit(() -> current.capture(url));
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
                return captureWithSession(url, false);
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
        ChromeOptions options = new ChromeOptions();
        options.setBinary(settings.binary().toFile());
        options.addArguments(settings.arguments());
        options.addArguments("--window-size=" + settings.windowWidth() + "," + settings.windowHeight());
        options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(settings.driver().toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(settings.pageLoadTimeout());
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(5));
        sessionsStarted.incrementAndGet();
        return new Session(driver, service);
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
    }

    private static String scheme(String url) {
        if (url == null) {
            return null;
        }
        try {
            String scheme = URI.create(url.trim()).getScheme();
            return scheme == null ? null : scheme.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** One browser and its driver process. Used by one capture at a time. */
    private final class Session {

        private final ChromeDriver driver;
        private final ChromeDriverService service;
        private int captures;

        Session(ChromeDriver driver, ChromeDriverService service) {
            this.driver = driver;
            this.service = service;
        }

        ScreenshotResult capture(String url) {
            captures++;
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
                    return new ScreenshotResult.Failed("the permalink could not be reached (" + net.group(1) + ")");
                }
                throw e;
            }
            JavascriptExecutor js = (JavascriptExecutor) driver;
            String location = String.valueOf(js.executeScript("return document.location.href;"));
            if (location.startsWith("chrome-error:")) {
                reset();
                return new ScreenshotResult.Failed("the permalink could not be reached (browser error page)");
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
            byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
            reset();
            return new ScreenshotResult.Captured(png, width, height, Optional.ofNullable(caveat));
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

    /** The Debian flags (feasibility study §5) plus what makes screenshots steady. */
    public static List<String> defaultArguments() {
        return List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=sv-SE");
    }
}
