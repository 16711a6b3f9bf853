package se.kommun.moderation.ingest.accounts.rest;

import java.util.List;

/** 400/409: why the request was refused, item by item. */
public record AccountProblem(String error, List<String> problems) {
}
