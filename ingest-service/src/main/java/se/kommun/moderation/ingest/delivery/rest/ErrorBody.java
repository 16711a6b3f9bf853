package se.kommun.moderation.ingest.delivery.rest;

/** The body of every 4xx and 5xx this edge answers: one reason a sender can act on. */
public record ErrorBody(String error) {
}
