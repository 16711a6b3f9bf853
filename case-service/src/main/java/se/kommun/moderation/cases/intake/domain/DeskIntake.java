package se.kommun.moderation.cases.intake.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import se.kommun.moderation.cases.actions.domain.DecisionPoint;
import se.kommun.moderation.cases.actions.domain.ModerationEvents;
import se.kommun.moderation.cases.actions.persistence.EvidenceEntity;
import se.kommun.moderation.cases.audit.domain.AuditTrail;
import se.kommun.moderation.cases.crisis.domain.CrisisDesk;
import se.kommun.moderation.cases.desk.domain.ClassifierReasons;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.diarium.domain.CaseRegistrar;
import se.kommun.moderation.cases.diarium.domain.Registration;
import se.kommun.moderation.cases.diarium.persistence.Diarium;
import se.kommun.moderation.cases.outbox.domain.ProcessedEvents;
import se.kommun.moderation.cases.quality.domain.ModeratorLabels;
import se.kommun.moderation.cases.tasks.domain.TaskDesk;
import se.kommun.moderation.events.ClassifiedComment;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EvidenceCaptured;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.RecordCulled;
import se.kommun.moderation.events.Route;

/**
 * What the desk does with each consumed event, each in one transaction: a classified comment is
 * put on the desk, registered, given its tasks, brought to the decision point and tagged with any
 * running crisis; evidence reaches the police report and the decision point; a culled record's
 * content leaves the desk and the moderators' labels. Every handler is idempotent.
 */
@ApplicationScoped
public class DeskIntake {

    static final String CLASSIFIER = "classification-service";
    static final String ARCHIVE = "archive-service";

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Inject
    Diarium diarium;

    @Inject
    CaseRegistrar registrar;

    @Inject
    TaskDesk tasks;

    @Inject
    DecisionPoint decisionPoint;

    @Inject
    CrisisDesk crises;

    @Inject
    ModerationEvents moderationEvents;

    @Inject
    AuditTrail audit;

    @Inject
    ProcessedEvents processed;

    @Inject
    ModeratorLabels labels;

    /** The case the comment was registered in, if this classification registered it. */
    @Transactional
    public Optional<Registration> onClassified(EventEnvelope<CommentClassified> event) {
        diarium.lockComment(event.commentKey());
        DeskCommentEntity comment = DeskCommentEntity.findById(event.commentKey());
        if (comment != null && (comment.classifiedEvent.equals(event.eventId()) || comment.culledAt != null)) {
            return Optional.empty();
        }
        boolean reclassified = comment != null;
        if (reclassified) {
            labels.classifiedAgain(event.commentKey(), event.payload().comment().text(), event.occurredAt());
        }
        comment = put(comment, event);

        Optional<Registration> registration = registrar.register(event);
        registration.ifPresent(r -> {
            audit.record(r.registeredCase().id, event.commentKey(), "case " + r.registeredCase().diaryNumber,
                    r.opened() ? "registered" : "filed in ongoing case", CLASSIFIER,
                    event.payload().route() + (event.payload().subtype() == null ? "" : "/" + event.payload().subtype()));
            moderationEvents.legalHold(event.commentKey(), r.registeredCase().diaryNumber, true,
                    "filed in an open case", "case-service");
        });
        if (comment.caseId == null) {
            comment.caseId = registration.map(r -> r.registeredCase().id)
                    .or(() -> diarium.caseOf(event.commentKey())).orElse(null);
        }
        if (reclassified) {
            audit.record(comment.caseId, comment.commentKey, "comment", "reclassified as " + comment.route, CLASSIFIER,
                    null);
        }
        tasks.openForRoute(comment, CLASSIFIER);
        decisionPoint.consider(comment, comment.caseId);
        crises.tagIfCovered(comment);
        return registration;
    }

    private DeskCommentEntity put(DeskCommentEntity existing, EventEnvelope<CommentClassified> event) {
        CommentClassified classified = event.payload();
        ClassifiedComment source = classified.comment();
        DeskCommentEntity comment = existing != null ? existing : new DeskCommentEntity();
        comment.commentKey = event.commentKey();
        comment.classifiedEvent = event.eventId();
        comment.platform = source.platform().id();
        comment.accountId = source.accountId();
        comment.commentId = source.commentId();
        comment.route = classified.route().name();
        comment.subtype = classified.subtype();
        comment.flags = classified.flags().stream().map(Route::name).collect(Collectors.joining(","));
        comment.confidence = classified.confidence();
        comment.reviewRequired = classified.reviewRequired();
        comment.needsResponse = classified.needsResponse();
        comment.detectors = classified.reasons().stream().map(Reason::detector).distinct()
                .collect(Collectors.joining(","));
        comment.reasons = ClassifierReasons.write(classified.reasons());
        comment.ruleSetVersion = classified.ruleSetVersion();
        comment.authorName = source.author() == null ? null : source.author().displayName();
        comment.text = source.text();
        comment.permalink = source.permalink();
        comment.receivedAt = source.receivedAt();
        comment.classifiedAt = event.occurredAt();
        if (existing == null) {
            comment.persist();
        }
        return comment;
    }

    /** The archive saved a copy of the comment. */
    @Transactional
    public boolean onEvidence(EventEnvelope<EvidenceCaptured> event) {
        EvidenceCaptured captured = event.payload();
        diarium.lockComment(event.commentKey());
        if (EvidenceEntity.findById(captured.bundleId()) != null) {
            return false;
        }
        EvidenceEntity evidence = new EvidenceEntity();
        evidence.bundleId = captured.bundleId();
        evidence.commentKey = event.commentKey();
        evidence.artefacts = write(captured.artefacts());
        evidence.missing = write(captured.missing());
        evidence.capturedAt = captured.capturedAt();
        evidence.receivedAt = Instant.now();
        evidence.persist();
        audit.record(diarium.caseOf(event.commentKey()).orElse(null), event.commentKey(), "evidence "
                + captured.bundleId(), "captured", ARCHIVE, captured.artefacts().size() + " artefact(s)"
                + (captured.missing().isEmpty() ? "" : ", missing: " + String.join("; ", captured.missing())));
        tasks.attachEvidence(event.commentKey(), captured.bundleId());
        decisionPoint.evidenceArrived(evidence);
        return true;
    }

    /** The archive culled the record: its content leaves the desk too; the register entry stays. */
    @Transactional
    public boolean onCulled(EventEnvelope<RecordCulled> event) {
        if (!processed.claim(event.eventId(), event.type())) {
            return false;
        }
        DeskCommentEntity comment = DeskCommentEntity.findById(event.commentKey());
        if (comment != null && comment.culledAt == null) {
            comment.text = null;
            comment.authorName = null;
            comment.culledAt = event.payload().culledAt();
        }
        labels.culled(event.commentKey(), event.payload().culledAt());
        audit.record(comment == null ? null : comment.caseId, event.commentKey(), "record", "culled", ARCHIVE,
                event.payload().decisionReference());
        return true;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write evidence metadata", e);
        }
    }
}
