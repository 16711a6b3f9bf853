package se.kommun.moderation.ingest.youtube.domain;

import java.util.List;

/** How one poll of a channel went, per moderation status. */
public record PollReport(String channelId, List<StatusReport> statuses) {

    public PollReport {
        statuses = List.copyOf(statuses);
    }

    public int emitted() {
        return statuses.stream().mapToInt(StatusReport::emitted).sum();
    }

    public boolean failed() {
        return statuses.stream().anyMatch(StatusReport::failed);
    }
}
