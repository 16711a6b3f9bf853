package se.kommun.moderation.cases.desk.rest;

/** The body of every 4xx this service answers: a status and a reason a person can act on. */
public record Problem(int status, String reason) {
}
