package se.kommun.moderation.archive.evidence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.archive.evidence.domain.EgressHosts;
import se.kommun.moderation.archive.evidence.domain.EgressPolicy;
import se.kommun.moderation.archive.evidence.domain.ScreenshotResult;

/**
 * Real headless Chromium (deploy/local/chromium.sh installs it) against fake platform page
 * servers on loopback: {@code pages} is allow-listed by its exact address and port, {@code outside}
 * never is, so any request it sees is one the egress filter let through.
 */
class ChromiumScreenshotsTest {

    static FakePlatformPages pages;
    static FakePlatformPages outside;
    static ChromiumScreenshots chromium;
    static EgressPolicy toPages;

    static ChromiumScreenshots.Settings settings(Duration pageLoad, Duration capture) {
        return new ChromiumScreenshots.Settings(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromedriver"),
                ChromiumScreenshots.defaultArguments(), 1, pageLoad, capture, 1024, 768, 6000, 50, Optional.of("nobody"));
    }

    static EgressPolicy allowing(String... entries) {
        return EgressPolicy.allowing("facebook", List.of(entries));
    }

    @BeforeAll
    static void start() {
        pages = new FakePlatformPages();
        outside = new FakePlatformPages();
        toPages = allowing(pages.origin());
        chromium = new ChromiumScreenshots(settings(Duration.ofSeconds(3), Duration.ofSeconds(30)));
        assertThat(chromium.unavailable()).as("Chromium must be installed: run deploy/local/chromium.sh").isEmpty();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        pages.close();
        outside.close();
    }

    @Test
    void takesAFullPagePngAndReusesTheBrowser() throws IOException {
        ScreenshotResult first = chromium.capture(pages.url("/comment/c-1?height=2400"), toPages);
        ScreenshotResult second = chromium.capture(pages.url("/comment/c-2?height=300"), toPages);

        assertThat(first).isInstanceOf(ScreenshotResult.Captured.class);
        ScreenshotResult.Captured shot = (ScreenshotResult.Captured) first;
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(shot.png()));
        assertThat(image).isNotNull();
        // Full page: taller than the 768 px window, as tall as the page.
        assertThat(image.getHeight()).isGreaterThan(2400).isEqualTo(shot.height());
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(shot.caveat()).isEmpty();
        assertThat(second).isInstanceOf(ScreenshotResult.Captured.class);
        assertThat(((ScreenshotResult.Captured) second).height()).isLessThan(first instanceof ScreenshotResult.Captured c ? c.height() : 0);
        assertThat(chromium.sessionsStarted()).isEqualTo(1);
    }

    @Test
    void anUnreachablePermalinkFailsWithAReason() {
        String unreachable = FakePlatformPages.unreachableUrl();
        ScreenshotResult result = chromium.capture(unreachable, allowing("127.0.0.1:" + URI.create(unreachable).getPort()));
        assertThat(result).isInstanceOfSatisfying(ScreenshotResult.Failed.class,
                f -> assertThat(f.reason()).contains("could not be reached").contains("ERR_CONNECTION_REFUSED"));
    }

    @Test
    void aPageThatIsGoneFailsWithItsStatus() {
        ScreenshotResult result = chromium.capture(pages.url("/gone/c-3"), toPages);
        assertThat(result).isInstanceOfSatisfying(ScreenshotResult.Failed.class,
                f -> assertThat(f.reason()).isEqualTo("the permalink answered HTTP 404"));
    }

    @Test
    void aPageThatNeverAnswersTimesOut() {
        ScreenshotResult result = chromium.capture(pages.url("/hang/c-4"), toPages);
        assertThat(result).isInstanceOfSatisfying(ScreenshotResult.Failed.class,
                f -> assertThat(f.reason()).contains("did not answer within 3.0 s"));
        // The browser is still good for the next capture.
        assertThat(chromium.capture(pages.url("/comment/c-5?height=100"), toPages)).isInstanceOf(ScreenshotResult.Captured.class);
    }

    @Test
    void aPageThatNeverFinishesLoadingIsTakenAsFarAsItCameWithACaveat() {
        ScreenshotResult result = chromium.capture(pages.url("/partial/c-7"), toPages);
        assertThat(result).isInstanceOfSatisfying(ScreenshotResult.Captured.class, c -> {
            assertThat(c.caveat()).hasValueSatisfying(caveat -> assertThat(caveat).contains("had not finished loading"));
            assertThat(c.height()).isGreaterThanOrEqualTo(1500);
        });
    }

    @Test
    void onlyHttpUrlsAreOpened() {
        assertThat(chromium.capture("file:///etc/passwd", toPages)).isInstanceOfSatisfying(ScreenshotResult.Failed.class,
                f -> assertThat(f.reason()).contains("not an http(s) URL"));
        assertThat(chromium.capture(null, toPages)).isInstanceOfSatisfying(ScreenshotResult.Failed.class,
                f -> assertThat(f.reason()).contains("no permalink"));
    }

    @Test
    void aLoopbackPermalinkThatIsNotAllowListedIsRefusedAndNeverRequested() {
        assertThat(chromium.capture(outside.url("/comment/c-8"), toPages)).isInstanceOfSatisfying(
                ScreenshotResult.Failed.class, f -> assertThat(f.reason())
                        .isEqualTo("the permalink's host 127.0.0.1 is not a public address (loopback); not opened"));
        assertThat(chromium.capture("http://169.254.169.254/latest/meta-data/iam/", toPages)).isInstanceOfSatisfying(
                ScreenshotResult.Failed.class, f -> assertThat(f.reason())
                        .isEqualTo("the permalink's host 169.254.169.254 is not a public address (link-local); not opened"));
        assertThat(chromium.capture("https://evil.example/posts/1", EgressHosts.defaults().policyFor("facebook:p:c")))
                .isInstanceOfSatisfying(ScreenshotResult.Failed.class, f -> assertThat(f.reason())
                        .isEqualTo("the permalink's host evil.example is not allowed for facebook; not opened"));
        assertThat(outside.requests()).isZero();
    }

    @Test
    void aHostAllowedByNameThatResolvesToLoopbackIsRefusedAfterItsLookup() {
        ScreenshotResult result = chromium.capture("http://localhost:" + outside.port() + "/comment/c-9", allowing("localhost"));
        assertThat(result).isInstanceOfSatisfying(ScreenshotResult.Failed.class, f -> assertThat(f.reason())
                .startsWith("the permalink's host localhost resolves to ")
                .endsWith(", which is not a public address (loopback); not opened"));
        assertThat(outside.requests()).isZero();
    }

    @Test
    void aRedirectToALoopbackServerThatIsNotAllowedIsRefusedBeforeItIsReached() {
        int servedBefore = pages.requests();
        ScreenshotResult result = chromium.capture(redirectTo(outside.url("/comment/c-10")), toPages);
        assertThat(result).isInstanceOfSatisfying(ScreenshotResult.Failed.class, f -> assertThat(f.reason())
                .isEqualTo("the permalink redirected to a host that is not allowed (host 127.0.0.1 is not a public"
                        + " address (loopback)); not opened"));
        assertThat(pages.requests()).as("the allowed page was asked").isGreaterThan(servedBefore);
        assertThat(outside.requests()).isZero();
    }

    @Test
    void aRedirectToAnAllowedNameThatResolvesToLoopbackIsRefusedByTheProxy() {
        // The permalink passes the check before navigation; only the proxy sees where it leads.
        ScreenshotResult result = chromium.capture(redirectTo("http://localhost:" + outside.port() + "/comment/c-11"),
                allowing(pages.origin(), "localhost"));
        assertThat(result).isInstanceOfSatisfying(ScreenshotResult.Failed.class, f -> assertThat(f.reason())
                .startsWith("the permalink redirected to a host that is not allowed (host localhost resolves to ")
                .endsWith("which is not a public address (loopback)); not opened"));
        assertThat(outside.requests()).isZero();
    }

    @Test
    void partsOfAPageFromHostsThatAreNotAllowedAreBlockedAndCountedInACaveat() {
        ScreenshotResult result = chromium.capture(pages.url("/embeds/c-12?from=" + outside.origin()), toPages);
        assertThat(result).isInstanceOfSatisfying(ScreenshotResult.Captured.class, c -> assertThat(c.caveat())
                .hasValueSatisfying(caveat -> assertThat(caveat)
                        .matches("\\d+ requests? of the page to hosts that are not allowed (was|were) blocked \\("
                                + outside.origin().replace(".", "\\.") + "\\); .*")));
        assertThat(outside.requests()).as("image, fetch and websocket never reached the other server").isZero();
    }

    @Test
    void chromiumRunsAsTheUnprivilegedUserWithItsSandboxWhenTheServiceIsRoot() throws Exception {
        assumeTrue(BrowserUser.runningAsRoot(), "only root switches users");
        assertThat(chromium.capture(pages.url("/comment/c-13?height=100"), toPages)).isInstanceOf(ScreenshotResult.Captured.class);
        Path workDir = chromium.workDir().orElseThrow();
        int nobody = Integer.parseInt(new String(new ProcessBuilder("id", "-u", "nobody").start().getInputStream()
                .readAllBytes(), StandardCharsets.UTF_8).trim());

        List<Long> browsers = processes().filter(pid -> {
            String cmdline = cmdline(pid);
            return cmdline.contains("--user-data-dir=" + workDir) && !cmdline.contains("--type=");
        }).toList();
        assertThat(browsers).as("the browser process of the session").isNotEmpty();
        for (long browser : browsers) {
            assertThat(uid(browser)).as("Chromium's owner").isEqualTo(nobody);
            assertThat(cmdline(browser)).doesNotContain("--no-sandbox");
            long driver = parent(browser);
            assertThat(cmdline(driver)).contains("chromedriver");
            assertThat(uid(driver)).as("chromedriver's owner").isEqualTo(nobody);
            List<Long> children = processes().filter(pid -> parent(pid) == browser).toList();
            assertThat(children).as("Chromium's own processes").isNotEmpty()
                    .allSatisfy(child -> assertThat(uid(child)).isEqualTo(nobody));
        }
        assertThat(Files.getAttribute(workDir, "unix:uid")).as("the profile is the browser user's").isEqualTo(nobody);
    }

    @Test
    void aMissingBrowserIsReportedNotThrown() {
        try (ChromiumScreenshots missing = new ChromiumScreenshots(new ChromiumScreenshots.Settings(
                Path.of("/nonexistent/chromium"), Path.of("/usr/bin/chromedriver"), ChromiumScreenshots.defaultArguments(),
                1, Duration.ofSeconds(1), Duration.ofSeconds(1), 800, 600, 1000, 10, Optional.of("nobody")))) {
            assertThat(missing.capture(pages.url("/comment/c-6"), toPages)).isInstanceOfSatisfying(ScreenshotResult.Failed.class,
                    f -> assertThat(f.reason()).contains("Chromium is not installed at /nonexistent/chromium"));
        }
    }

    private static String redirectTo(String target) {
        return pages.url("/redirect/r?to=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }

    private static Stream<Long> processes() throws IOException {
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            return proc.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+")).map(Long::parseLong)
                    .toList().stream();
        }
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return ""; // the process is gone
        }
    }

    private static String status(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith(field + ":")).findFirst().map(l -> l.substring(field.length() + 1).trim())
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    /** The real user id, from /proc/PID/status ("Uid: real effective saved fs"). */
    private static int uid(long pid) {
        String uids = status(pid, "Uid");
        if (uids.isEmpty()) {
            throw new UncheckedIOException(new IOException("process " + pid + " is gone"));
        }
        return Integer.parseInt(uids.split("\\s+")[1]);
    }

    private static long parent(long pid) {
        String ppid = status(pid, "PPid");
        return ppid.isEmpty() ? -1 : Long.parseLong(ppid);
    }
}
