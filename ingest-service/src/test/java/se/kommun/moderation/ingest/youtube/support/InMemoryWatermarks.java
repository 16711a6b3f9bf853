package se.kommun.moderation.ingest.youtube.support;

import java.util.HashMap;
import java.util.Map;
import se.kommun.moderation.ingest.youtube.domain.ModerationStatus;
import se.kommun.moderation.ingest.youtube.domain.Watermark;
import se.kommun.moderation.ingest.youtube.domain.WatermarkStore;

/** The watermark table in memory, with the same merge-on-save rule as the database. */
public final class InMemoryWatermarks implements WatermarkStore {

    private final Map<String, Watermark> saved = new HashMap<>();

    @Override
    public Watermark load(String channelId, ModerationStatus status) {
        return saved.getOrDefault(channelId + "/" + status, Watermark.NONE);
    }

    @Override
    public void save(String channelId, ModerationStatus status, Watermark watermark) {
        saved.merge(channelId + "/" + status, watermark, Watermark::mergedWith);
    }
}
