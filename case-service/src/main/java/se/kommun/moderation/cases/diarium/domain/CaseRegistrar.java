package se.kommun.moderation.cases.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import se.kommun.moderation.cases.config.CaseConfig;
import se.kommun.moderation.cases.persistence.CaseEntity;
import se.kommun.moderation.cases.persistence.Diarium;
import se.kommun.moderation.events.ClassifiedComment;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.EventEnvelope;

/**
 * Registers (diarieför) what the flowchart says must be registered: one case per comment, with the
 * next diary number of the registry's year. Idempotent per comment key.
 */
@ApplicationScoped
public class CaseRegistrar {

    private final Diarium diarium;
    private final CaseConfig.Registry registry;
    private final DiaryNumberFormat format;
    private final Clock clock;

    @Inject
    public CaseRegistrar(Diarium diarium, CaseConfig config) {
        this(diarium, config, Clock.systemUTC());
    }

    CaseRegistrar(Diarium diarium, CaseConfig config, Clock clock) {
        this.diarium = diarium;
        this.registry = config.registry();
        this.format = new DiaryNumberFormat(registry.format());
        this.clock = clock;
    }

    /** The new case, or empty when the route needs none or the comment already has one. */
    @Transactional
    public Optional<CaseEntity> register(EventEnvelope<CommentClassified> event) {
        CommentClassified classified = event.payload();
        if (!classified.route().requiresRegistration()) {
            return Optional.empty();
        }
        diarium.lockComment(event.commentKey());
        if (diarium.isRegistered(event.commentKey())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        int year = now.atZone(registry.zone()).getYear();
        int seq = diarium.nextSequence(registry.name(), year);
        ClassifiedComment comment = classified.comment();
        RegisterEntry entry = RegisterEntry.of(classified.route(), classified.subtype(), comment);

        CaseEntity registered = new CaseEntity();
        registered.id = UUID.randomUUID();
        registered.registry = registry.name();
        registered.year = year;
        registered.seq = seq;
        registered.diaryNumber = format.format(year, seq);
        registered.commentKey = event.commentKey();
        registered.sourceEventId = event.eventId();
        registered.route = classified.route().name();
        registered.subtype = classified.subtype();
        registered.platform = comment.platform().id();
        registered.permalink = comment.permalink();
        registered.receivedAt = comment.receivedAt();
        registered.registeredAt = now;
        registered.sender = entry.sender();
        registered.description = entry.description();
        registered.secret = entry.secret();
        registered.persist();
        return Optional.of(registered);
    }
}
