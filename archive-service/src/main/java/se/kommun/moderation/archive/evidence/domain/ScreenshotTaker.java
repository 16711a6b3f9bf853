package se.kommun.moderation.archive.evidence.domain;

/** Takes a full-page screenshot of a URL. Implementations bound their own time; they never throw for a bad page. */
public interface ScreenshotTaker {

    ScreenshotResult capture(String url);
}
