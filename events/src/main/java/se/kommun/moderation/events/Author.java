package se.kommun.moderation.events;

/** The sender as the platform names them; either part may be unknown to us. */
public record Author(String id, String displayName) {
}
