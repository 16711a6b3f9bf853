package se.kommun.moderation.archive.evidence.domain;

import java.util.Objects;
import java.util.Optional;

/** What a screenshot attempt gave: a PNG (perhaps with a caveat), or the reason there is none. */
public sealed interface ScreenshotResult {

    /**
     * A full-page PNG. {@code caveat} is set when the PNG is not the whole story, e.g. the page had
     * not finished loading when the timeout struck and the PNG shows what had loaded by then.
     */
    record Captured(byte[] png, int width, int height, Optional<String> caveat) implements ScreenshotResult {
        public Captured {
            Objects.requireNonNull(png);
            caveat = caveat == null ? Optional.empty() : caveat;
        }
    }

    /** No screenshot; the reason is safe to store and show (it never quotes page content). */
    record Failed(String reason) implements ScreenshotResult {
        public Failed {
            Objects.requireNonNull(reason);
        }
    }
}
