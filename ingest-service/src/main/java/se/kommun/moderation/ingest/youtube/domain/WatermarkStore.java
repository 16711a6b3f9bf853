package se.kommun.moderation.ingest.youtube.domain;

/** Where the poller keeps its watermarks, so that a restart continues where the last poll ended. */
public interface WatermarkStore {

    /** The saved watermark, or {@link Watermark#NONE}. */
    Watermark load(String channelId, ModerationStatus status);

    /**
     * Saves a watermark, merged with what is stored ({@link Watermark#mergedWith}): it never moves
     * back, even if two pollers race.
     */
    void save(String channelId, ModerationStatus status, Watermark watermark);
}
