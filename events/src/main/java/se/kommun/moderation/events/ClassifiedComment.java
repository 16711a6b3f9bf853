package se.kommun.moderation.events;

import java.time.Instant;

/**
 * What the case-service needs of the comment to register it (OSL 5:2: date received, sender, a
 * brief description), so that it does not have to read another service's data.
 */
public record ClassifiedComment(
        Platform platform,
        String accountId,
        String commentId,
        Author author,
        String text,
        String permalink,
        Instant receivedAt,
        Verb verb) {
}
