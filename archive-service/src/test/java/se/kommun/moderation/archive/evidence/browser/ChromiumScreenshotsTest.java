package se.kommun.moderation.archive.evidence.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.archive.evidence.domain.ScreenshotResult;

/** Real headless Chromium (deploy/local/chromium.sh installs it) against a fake platform page server. */
class ChromiumScreenshotsTest {

    static FakePlatformPages pages;
    static ChromiumScreenshots chromium;

    static ChromiumScreenshots.Settings settings(Duration pageLoad, Duration capture) {
        return new ChromiumScreenshots.Settings(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromedriver"),
                ChromiumScreenshots.defaultArguments(), 1, pageLoad, capture, 1024, 768, 6000, 50);
    }

    @BeforeAll
    static void start() {
        pages = new FakePlatformPages();
        chromium = new ChromiumScreenshots(settings(Duration.ofSeconds(3), Duration.ofSeconds(30)));
        assertThat(chromium.unavailable()).as("Chromium must be installed: run deploy/local/chromium.sh").isEmpty();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        pages.close();
    }

    @Test
    void takesAFullPagePngAndReusesTheBrowser() throws IOException {
        ScreenshotResult first = chromium.capture(pages.url("/comment/c-1?height=2400"));
        ScreenshotResult second = chromium.capture(pages.url("/comment/c-2?height=300"));

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
        ScreenshotResult result = chromium.capture(FakePlatformPages.unreachableUrl());
        assertThat(result).isInstanceOfSatisfying(ScreenshotResult.Failed.class,
                f -> assertThat(f.reason()).contains("could not be reached").contains("ERR_CONNECTION_REFUSED"));
    }

    @Test
    void aPageThatIsGoneFailsWithItsStatus() {
        ScreenshotResult result = chromium.capture(pages.url("/gone/c-3"));
        assertThat(result).isInstanceOfSatisfying(ScreenshotResult.Failed.class,
                f -> assertThat(f.reason()).isEqualTo("the permalink answered HTTP 404"));
    }

    @Test
    void aPageThatNeverAnswersTimesOut() {
        ScreenshotResult result = chromium.capture(pages.url("/hang/c-4"));
        assertThat(result).isInstanceOfSatisfying(ScreenshotResult.Failed.class,
                f -> assertThat(f.reason()).contains("did not answer within 3.0 s"));
        // The browser is still good for the next capture.
        assertThat(chromium.capture(pages.url("/comment/c-5?height=100"))).isInstanceOf(ScreenshotResult.Captured.class);
    }

    @Test
    void aPageThatNeverFinishesLoadingIsTakenAsFarAsItCameWithACaveat() {
        ScreenshotResult result = chromium.capture(pages.url("/partial/c-7"));
        assertThat(result).isInstanceOfSatisfying(ScreenshotResult.Captured.class, c -> {
            assertThat(c.caveat()).hasValueSatisfying(caveat -> assertThat(caveat).contains("had not finished loading"));
            assertThat(c.height()).isGreaterThanOrEqualTo(1500);
        });
    }

    @Test
    void onlyHttpUrlsAreOpened() {
        assertThat(chromium.capture("file:///etc/passwd")).isInstanceOfSatisfying(ScreenshotResult.Failed.class,
                f -> assertThat(f.reason()).contains("not an http(s) URL"));
        assertThat(chromium.capture(null)).isInstanceOfSatisfying(ScreenshotResult.Failed.class,
                f -> assertThat(f.reason()).contains("no permalink"));
    }

    @Test
    void aMissingBrowserIsReportedNotThrown() {
        try (ChromiumScreenshots missing = new ChromiumScreenshots(new ChromiumScreenshots.Settings(
                Path.of("/nonexistent/chromium"), Path.of("/usr/bin/chromedriver"), ChromiumScreenshots.defaultArguments(),
                1, Duration.ofSeconds(1), Duration.ofSeconds(1), 800, 600, 1000, 10))) {
            assertThat(missing.capture(pages.url("/comment/c-6"))).isInstanceOfSatisfying(ScreenshotResult.Failed.class,
                    f -> assertThat(f.reason()).contains("Chromium is not installed at /nonexistent/chromium"));
        }
    }
}
