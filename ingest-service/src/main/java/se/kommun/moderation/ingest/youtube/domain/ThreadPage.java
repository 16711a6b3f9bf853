package se.kommun.moderation.ingest.youtube.domain;

import java.util.List;

/** One page of {@code commentThreads.list}, newest thread first, with its comments read out. */
public record ThreadPage(List<CommentThread> threads, List<YouTubeComment> comments,
        List<UnmappableComment> unmappable, String nextPageToken) {

    public ThreadPage {
        threads = List.copyOf(threads);
        comments = List.copyOf(comments);
        unmappable = List.copyOf(unmappable);
    }

    /**
     * Whether every later page is older than the watermark, so paging can stop: pages are newest-first,
     * and the last thread here is older than the watermark's instant. Strictly older, because comments
     * at exactly the watermark's instant may still be unseen.
     */
    public boolean endsBefore(Watermark watermark) {
        if (watermark.isEmpty() || threads.isEmpty()) {
            return false;
        }
        CommentThread last = threads.get(threads.size() - 1);
        return last.newestActivity() != null && last.newestActivity().isBefore(watermark.instant());
    }
}
