package se.kommun.moderation.ingest.youtube.domain;

import java.util.List;
import se.kommun.moderation.events.CommentQuarantined;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventEnvelope;

/** Where polled comments go. Both methods return only once the broker has acknowledged, or throw. */
public interface CommentSink {

    void publish(List<EventEnvelope<CommentReceived>> events);

    void quarantine(EventEnvelope<CommentQuarantined> event);
}
