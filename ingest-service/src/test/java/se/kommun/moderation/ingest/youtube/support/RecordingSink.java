package se.kommun.moderation.ingest.youtube.support;

import java.util.ArrayList;
import java.util.List;
import se.kommun.moderation.events.CommentQuarantined;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.ingest.youtube.domain.CommentSink;

/** Keeps what was published; can be told to fail ("the broker is gone") after some events. */
public final class RecordingSink implements CommentSink {

    private final List<EventEnvelope<CommentReceived>> published = new ArrayList<>();
    private final List<EventEnvelope<CommentQuarantined>> quarantined = new ArrayList<>();
    private int failAfter = Integer.MAX_VALUE;

    public void failAfter(int events) {
        this.failAfter = events;
    }

    @Override
    public void publish(List<EventEnvelope<CommentReceived>> events) {
        for (EventEnvelope<CommentReceived> event : events) {
            if (published.size() >= failAfter) {
                throw new IllegalStateException("broker unavailable");
            }
            published.add(event);
        }
    }

    @Override
    public void quarantine(EventEnvelope<CommentQuarantined> event) {
        quarantined.add(event);
    }

    public List<EventEnvelope<CommentReceived>> published() {
        return List.copyOf(published);
    }

    public List<EventEnvelope<CommentQuarantined>> quarantined() {
        return List.copyOf(quarantined);
    }

    public void clear() {
        published.clear();
        quarantined.clear();
    }
}
