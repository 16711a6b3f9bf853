package se.kommun.moderation.archive.classification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.kommun.moderation.archive.classification.domain.ClassificationRecorder;
import se.kommun.moderation.archive.evidence.messaging.EvidenceWorker;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.Topics;
import se.kommun.moderation.messaging.failure.ConsumerFailurePolicy;

/**
 * comments.classified → record_classification, and an evidence request for comments that may be
 * removed. Only a short transaction runs here; the capture itself happens on the evidence workers,
 * so this consumer never waits for a browser. Unreadable input goes to the DLQ; an outage is
 * waited out.
 */
@ApplicationScoped
public class ClassifiedCommentConsumer {

    private final EventCodec codec = EventCodec.instance();

    @Inject
    ClassificationRecorder recorder;

    @Inject
    EvidenceWorker worker;

    @Inject
    ConsumerFailurePolicy failures;

    @Incoming(Topics.COMMENTS_CLASSIFIED)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        failures.process(record, () -> {
            if (recorder.record(codec.decode(record.value(), CommentClassified.class))) {
                worker.wake();
            }
        });
    }
}
