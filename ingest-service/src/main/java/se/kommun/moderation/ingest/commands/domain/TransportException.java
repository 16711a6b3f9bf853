package se.kommun.moderation.ingest.commands.domain;

/** The platform was not reached, or did not answer. The message names what happened, never a body. */
public final class TransportException extends Exception {

    /** Whether the request may have reached the platform: then a non-idempotent call must not be repeated blindly. */
    private final boolean maybeDelivered;

    public TransportException(String message, boolean maybeDelivered, Throwable cause) {
        super(message, cause);
        this.maybeDelivered = maybeDelivered;
    }

    public boolean maybeDelivered() {
        return maybeDelivered;
    }
}
