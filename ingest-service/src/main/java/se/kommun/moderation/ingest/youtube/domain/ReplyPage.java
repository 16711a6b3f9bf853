package se.kommun.moderation.ingest.youtube.domain;

import java.util.List;

/** One page of {@code comments.list?parentId=…}: replies to one top-level comment. */
public record ReplyPage(List<YouTubeComment> comments, List<UnmappableComment> unmappable, String nextPageToken) {

    public ReplyPage {
        comments = List.copyOf(comments);
        unmappable = List.copyOf(unmappable);
    }
}
