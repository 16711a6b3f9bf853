package se.kommun.moderation.archive.records.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.kommun.moderation.archive.records.domain.RecordKeeper;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.Topics;

/** comments.received → the records store. Committed after the work; unreadable input goes to the DLQ. */
@ApplicationScoped
public class ReceivedCommentConsumer {

    private final EventCodec codec = EventCodec.instance();

    @Inject
    RecordKeeper keeper;

    @Incoming(Topics.COMMENTS_RECEIVED)
    @Blocking
    public void consume(String json) {
        keeper.keep(codec.decode(json, CommentReceived.class));
    }
}
