package se.kommun.moderation.messaging.failure;

/**
 * A record of a batch that the domain set apart as poison without throwing (it could not be read,
 * or its data breaks a rule), found by where it was consumed from.
 */
public record Rejection(int partition, long offset, String reason) {
}
