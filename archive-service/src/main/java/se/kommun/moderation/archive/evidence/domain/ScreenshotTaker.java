package se.kommun.moderation.archive.evidence.domain;

/**
 * Takes a full-page screenshot of a URL, reaching only what {@code policy} admits (the URL itself,
 * its redirects and everything the page loads). Implementations bound their own time; they never
 * throw for a bad page.
 */
public interface ScreenshotTaker {

    ScreenshotResult capture(String url, EgressPolicy policy);
}
