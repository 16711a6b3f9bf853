package se.kommun.moderation.ingest.delivery.domain;

/** A correctly signed delivery that is not what the platform documents; the reason never quotes content. */
public class UnreadableDeliveryException extends RuntimeException {

    public UnreadableDeliveryException(String reason) {
        super(reason);
    }
}
