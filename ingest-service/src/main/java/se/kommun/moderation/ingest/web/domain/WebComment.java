package se.kommun.moderation.ingest.web.domain;

import java.time.Instant;

/** The body a municipal web or blog comment field posts: {@code {id, author, text, url, createdAt}}. */
public record WebComment(String id, String author, String text, String url, Instant createdAt) {
}
