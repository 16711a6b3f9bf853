package se.kommun.moderation.ingest.youtube.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * How far the poller has got for one channel and moderation status: the newest {@code updatedAt} it
 * has emitted, and which comments it emitted at exactly that instant. The API's timestamps have only
 * second precision, so several comments can share one instant and a poll can see only some of them;
 * remembering their ids is what lets the next poll take the rest without repeating any. A comment is
 * new when it was updated after the instant, or at the instant but is not among those ids.
 *
 * @param instant {@code null} before the first successful poll: everything is new
 */
public record Watermark(Instant instant, Set<String> idsAtInstant) {

    public static final Watermark NONE = new Watermark(null, Set.of());

    public Watermark {
        idsAtInstant = Set.copyOf(idsAtInstant);
        if (instant == null && !idsAtInstant.isEmpty()) {
            throw new IllegalArgumentException("ids without an instant");
        }
    }

    public boolean isEmpty() {
        return instant == null;
    }

    /** Not yet emitted: later than the watermark, or at it and not among the ids seen there. */
    public boolean isNew(YouTubeComment comment) {
        if (instant == null) {
            return true;
        }
        int order = comment.updatedAt().compareTo(instant);
        return order > 0 || order == 0 && !idsAtInstant.contains(comment.commentId());
    }

    /**
     * The watermark after these comments were emitted as well. It never moves back: comments older
     * than this watermark leave it as it is.
     */
    public Watermark including(Iterable<YouTubeComment> emitted) {
        Instant newest = instant;
        Set<String> ids = new HashSet<>(idsAtInstant);
        for (YouTubeComment comment : emitted) {
            int order = newest == null ? 1 : comment.updatedAt().compareTo(newest);
            if (order > 0) {
                newest = comment.updatedAt();
                ids.clear();
                ids.add(comment.commentId());
            } else if (order == 0) {
                ids.add(comment.commentId());
            }
        }
        return new Watermark(newest, ids);
    }

    /** The later of the two; at the same instant, the union of their ids. */
    public Watermark mergedWith(Watermark other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty() || other.instant.isAfter(instant)) {
            return other;
        }
        if (instant.isAfter(other.instant)) {
            return this;
        }
        Set<String> ids = new HashSet<>(idsAtInstant);
        ids.addAll(other.idsAtInstant);
        return new Watermark(instant, ids);
    }
}
