package se.kommun.moderation.ingest.web.rest;

import java.util.UUID;

/** 202: the comment is on the broker (acknowledged by all in-sync replicas). */
public record AcceptedBody(UUID eventId, String commentKey) {
}
