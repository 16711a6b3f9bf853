package se.kommun.moderation.ingest.youtube.domain;

/**
 * A comment object the API sent that we cannot turn into an event (no id, no timestamps). It is kept
 * whole for the quarantine so nothing received is lost.
 *
 * @param reason   why, naming the place in the response but never quoting content
 * @param fragment the exact bytes of the comment object
 */
public record UnmappableComment(String reason, byte[] fragment) {
}
