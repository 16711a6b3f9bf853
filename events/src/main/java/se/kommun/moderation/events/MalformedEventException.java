package se.kommun.moderation.events;

/** An event could not be read: not JSON, a missing field, or a type other than the one expected. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedEventException(String message) {
        super(message);
    }
}
