package se.kommun.moderation.ingest.youtube.domain;

/**
 * An API response or WebSub notification we cannot read at all. The message names the problem, never
 * the content.
 */
public class MalformedResponseException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedResponseException(String message) {
        super(message);
    }

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
