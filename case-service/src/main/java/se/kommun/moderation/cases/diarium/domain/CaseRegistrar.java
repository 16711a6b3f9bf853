package se.kommun.moderation.cases.diarium.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import se.kommun.moderation.cases.audit.domain.AuditTrail;
import se.kommun.moderation.cases.config.CaseConfig;
import se.kommun.moderation.cases.diarium.persistence.CaseDocumentEntity;
import se.kommun.moderation.cases.diarium.persistence.CaseEntity;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.diarium.persistence.Diarium;
import se.kommun.moderation.events.Author;
import se.kommun.moderation.events.ClassifiedComment;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.events.Verb;

/**
 * Registers (diarieför) what the flowchart says must be registered. A comment that refers to an
 * ongoing case is filed under that diary number; anything else opens a case with the next number
 * of its registry's year. Confidential cases get a secrecy marking. Idempotent per comment key.
 */
@ApplicationScoped
public class CaseRegistrar {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    private final Diarium diarium;
    private final AuditTrail audit;
    private final CaseConfig config;
    private final Map<String, DiaryNumberFormat> formats = new HashMap<>();
    private final SecrecyMarking secrecy;
    private final Clock clock;

    @Inject
    public CaseRegistrar(Diarium diarium, AuditTrail audit, CaseConfig config) {
        this(diarium, audit, config, Clock.systemUTC());
    }

    CaseRegistrar(Diarium diarium, AuditTrail audit, CaseConfig config, Clock clock) {
        this.diarium = diarium;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        // Checked here, so a bad format fails the service's start, not the first registration.
        formats.put(config.registry().name(), new DiaryNumberFormat(config.registry().format()));
        config.registries().forEach((name, registry) -> formats.put(name, new DiaryNumberFormat(registry.format())));
        config.registry().byRoute().values().forEach(name -> {
            if (!formats.containsKey(name)) {
                throw new IllegalArgumentException("case.registry.by-route names an unknown registry: " + name);
            }
        });
        this.secrecy = new SecrecyMarking(config.secrecy().provisions(), config.secrecy().defaultProvision());
    }

    /** The registration, or empty when the route needs none or the comment is already registered. */
    @Transactional(TxType.MANDATORY)
    public Optional<Registration> register(EventEnvelope<CommentClassified> event) {
        CommentClassified classified = event.payload();
        if (!classified.route().requiresRegistration() || diarium.isRegistered(event.commentKey())) {
            return Optional.empty();
        }
        ClassifiedComment comment = classified.comment();
        RegisterEntry entry = RegisterEntry.of(classified.route(), classified.subtype(), classified.flags(), comment);
        Instant now = clock.instant();

        Optional<String> reference = classified.route() == Route.COMPLAINT ? DiaryReference.of(classified)
                : Optional.empty();
        Registration registration;
        if (reference.isPresent()) {
            registration = fileUnder(reference.get(), event, entry, now);
        } else {
            CaseEntity opened = open(registryFor(classified.route()), event.commentKey(), event.eventId(),
                    classified.route(), classified.subtype(), comment.platform().id(), comment.permalink(),
                    comment.receivedAt(), entry, now);
            registration = new Registration(opened, true);
        }
        document(registration.registeredCase(), event.commentKey(), event.eventId(), comment.receivedAt(), entry, now);
        return Optional.of(registration);
    }

    /**
     * Registers a comment a moderator moved into a route that must be registered (the classifier
     * thought it trivial); empty when it is registered already.
     */
    @Transactional(TxType.MANDATORY)
    public Optional<Registration> registerDecided(DeskCommentEntity comment, Route route, String subtype) {
        if (!route.requiresRegistration() || diarium.isRegistered(comment.commentKey)) {
            return Optional.empty();
        }
        ClassifiedComment source = new ClassifiedComment(Platform.fromId(comment.platform), comment.accountId,
                comment.commentId, new Author(null, comment.authorName), comment.text, comment.permalink,
                comment.receivedAt, Verb.ADDED);
        RegisterEntry entry = RegisterEntry.of(route, subtype, source);
        Instant now = clock.instant();
        CaseEntity opened = open(registryFor(route), comment.commentKey, comment.classifiedEvent, route, subtype,
                comment.platform, comment.permalink, comment.receivedAt, entry, now);
        document(opened, comment.commentKey, comment.classifiedEvent, comment.receivedAt, entry, now);
        return Optional.of(new Registration(opened, true));
    }

    /** Registers something that arrived another way (a letter, an e-mail) in the given registry. */
    @Transactional(TxType.MANDATORY)
    public CaseEntity registerManually(String registry, String sender, boolean senderIsPrivate, String description,
            boolean secret, String actor) {
        if (!formats.containsKey(registry)) {
            throw new IllegalArgumentException("unknown registry '" + registry + "'");
        }
        Instant now = clock.instant();
        String key = "manual:" + UUID.randomUUID();
        RegisterEntry entry = new RegisterEntry(sender, description, secret);
        CaseEntity opened = open(registry, key, UUID.randomUUID(), Route.COMPLAINT, "manual", "manual", null, now,
                entry, now);
        opened.senderIsPrivate = senderIsPrivate;
        document(opened, key, opened.sourceEventId, now, entry, now);
        audit.record(opened.id, key, "case", "registered manually", actor, null);
        return opened;
    }

    public String registryFor(Route route) {
        return config.registry().byRoute().getOrDefault(route.name(), config.registry().name());
    }

    private CaseEntity open(String registry, String commentKey, UUID sourceEventId, Route route, String subtype,
            String platform, String permalink, Instant receivedAt, RegisterEntry entry, Instant now) {
        int year = now.atZone(config.registry().zone()).getYear();
        int seq = diarium.nextSequence(registry, year);
        CaseEntity registered = new CaseEntity();
        registered.id = UUID.randomUUID();
        registered.registry = registry;
        registered.year = year;
        registered.seq = seq;
        registered.diaryNumber = formats.get(registry).format(year, seq);
        registered.diaryKey = CaseEntity.diaryKeyOf(registered.diaryNumber);
        registered.issuedHere = true;
        fill(registered, commentKey, sourceEventId, route, subtype, platform, permalink, receivedAt, entry, now);
        registered.persist();
        return registered;
    }

    private Registration fileUnder(String diaryNumber, EventEnvelope<CommentClassified> event, RegisterEntry entry,
            Instant now) {
        String diaryKey = CaseEntity.diaryKeyOf(diaryNumber);
        diarium.lockDiaryKey(diaryKey);
        Optional<CaseEntity> ongoing = CaseEntity.byDiaryKey(diaryKey);
        if (ongoing.isPresent()) {
            return new Registration(ongoing.get(), false);
        }
        // A number we did not issue (another registry's): the comment keeps it, no sequence is used.
        ClassifiedComment comment = event.payload().comment();
        CaseEntity referenced = new CaseEntity();
        referenced.id = UUID.randomUUID();
        referenced.diaryNumber = diaryNumber;
        referenced.diaryKey = diaryKey;
        referenced.issuedHere = false;
        fill(referenced, event.commentKey(), event.eventId(), event.payload().route(), event.payload().subtype(),
                comment.platform().id(), comment.permalink(), comment.receivedAt(), entry, now);
        referenced.persist();
        return new Registration(referenced, true);
    }

    private void fill(CaseEntity registered, String commentKey, UUID sourceEventId, Route route, String subtype,
            String platform, String permalink, Instant receivedAt, RegisterEntry entry, Instant now) {
        registered.commentKey = commentKey;
        registered.sourceEventId = sourceEventId;
        registered.route = route.name();
        registered.subtype = subtype;
        registered.platform = platform;
        registered.permalink = permalink;
        registered.receivedAt = receivedAt;
        registered.registeredAt = now;
        registered.sender = entry.sender();
        registered.description = entry.description();
        registered.secret = entry.secret();
        registered.status = OPEN;
        if (entry.secret()) {
            registered.secrecyProvision = route == Route.CONFIDENTIAL ? secrecy.provisionFor(subtype)
                    : config.secrecy().defaultProvision();
            registered.secrecyMarkedOn = LocalDate.ofInstant(now, config.registry().zone());
        }
    }

    private void document(CaseEntity registered, String commentKey, UUID sourceEventId, Instant receivedAt,
            RegisterEntry entry, Instant now) {
        CaseDocumentEntity document = new CaseDocumentEntity();
        document.commentKey = commentKey;
        document.caseId = registered.id;
        document.sourceEventId = sourceEventId;
        document.receivedAt = receivedAt;
        document.registeredAt = now;
        document.sender = entry.sender();
        document.description = entry.description();
        document.secret = entry.secret();
        document.persist();
        if (entry.secret() && !registered.secret) {
            // A secret document makes its case's public entry withhold sender and description too.
            registered.secret = true;
            registered.secrecyProvision = config.secrecy().defaultProvision();
            registered.secrecyMarkedOn = LocalDate.ofInstant(now, config.registry().zone());
        }
    }
}
