package se.kommun.moderation.ingest.youtube.domain;

/**
 * The two list calls of the YouTube Data API v3 the poller makes. Implementations return the response
 * body exactly as received: its bytes are what the archive keeps.
 */
public interface YouTubeApi {

    /**
     * {@code commentThreads.list} with {@code allThreadsRelatedToChannelId}, {@code part=snippet,replies},
     * {@code order=time}, {@code maxResults=100}.
     *
     * @param pageToken {@code null} for the first page
     */
    byte[] commentThreads(String channelId, ModerationStatus status, String pageToken) throws YouTubeApiException;

    /** {@code comments.list} with {@code parentId}, {@code part=snippet}, {@code maxResults=100}. */
    byte[] replies(String parentId, String pageToken) throws YouTubeApiException;
}
