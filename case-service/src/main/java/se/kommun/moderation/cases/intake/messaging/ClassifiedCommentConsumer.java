package se.kommun.moderation.cases.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import se.kommun.moderation.cases.domain.CaseRegistrar;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Topics;

/** comments.classified → the diarium. Committed after the work; unreadable input goes to the DLQ. */
@ApplicationScoped
public class ClassifiedCommentConsumer {

    private static final Logger LOG = Logger.getLogger(ClassifiedCommentConsumer.class);

    private final EventCodec codec = EventCodec.instance();

    @Inject
    CaseRegistrar registrar;

    @Incoming(Topics.COMMENTS_CLASSIFIED)
    @Blocking
    public void consume(String json) {
        EventEnvelope<CommentClassified> event = codec.decode(json, CommentClassified.class);
        registrar.register(event).ifPresent(registered ->
                // Diary number and route only: never the sender or the text.
                LOG.infof("registered %s (%s) for %s", registered.diaryNumber, registered.route, registered.commentKey));
    }
}
