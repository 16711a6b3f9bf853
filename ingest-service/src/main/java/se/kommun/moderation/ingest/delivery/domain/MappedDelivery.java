package se.kommun.moderation.ingest.delivery.domain;

import java.util.List;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.Platform;

/**
 * What one webhook delivery held: the comments it carried, how many changes were not comments (and
 * were skipped, counted), and the parts that could not be mapped (to be quarantined with the reason).
 */
public record MappedDelivery(Platform platform, List<CommentReceived> comments, int skipped,
        List<Unmappable> unmappable) {

    /** A part of a delivery we could not turn into a comment, kept whole with the reason. */
    public record Unmappable(String accountId, String reason, byte[] fragment) {
    }

    public MappedDelivery {
        comments = List.copyOf(comments);
        unmappable = List.copyOf(unmappable);
    }
}
