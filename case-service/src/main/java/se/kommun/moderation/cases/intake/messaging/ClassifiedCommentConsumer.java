package se.kommun.moderation.cases.intake.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import se.kommun.moderation.cases.intake.domain.DeskIntake;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Topics;

/** comments.classified → the desk. Committed after the work; unreadable input goes to the DLQ. */
@ApplicationScoped
public class ClassifiedCommentConsumer {

    private static final Logger LOG = Logger.getLogger(ClassifiedCommentConsumer.class);

    private final EventCodec codec = EventCodec.instance();

    @Inject
    DeskIntake intake;

    @Incoming(Topics.COMMENTS_CLASSIFIED)
    @Blocking
    public void consume(String json) {
        EventEnvelope<CommentClassified> event = codec.decode(json, CommentClassified.class);
        intake.onClassified(event).ifPresent(registration ->
                // Diary number and route only: never the sender or the text.
                LOG.infof("%s %s (%s) for %s", registration.opened() ? "registered" : "filed in",
                        registration.registeredCase().diaryNumber, event.payload().route(), event.commentKey()));
    }
}
