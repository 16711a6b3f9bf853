package se.kommun.moderation.ingest.youtube.domain;

/**
 * The YouTube Data API refused or could not be reached. Carries the HTTP status (0 when there was no
 * answer) and Google's short error reason (e.g. {@code quotaExceeded}); never a response body.
 */
public class YouTubeApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;

    public YouTubeApiException(int status, String reason) {
        super(status == 0 ? "no answer (" + reason + ")" : "HTTP " + status + (reason == null ? "" : " " + reason));
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
