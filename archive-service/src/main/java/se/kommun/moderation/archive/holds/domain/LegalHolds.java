package se.kommun.moderation.archive.holds.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.kommun.moderation.archive.holds.persistence.HoldStore;
import se.kommun.moderation.events.CommentKey;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.ModerationDecided;

/**
 * Legal holds and people's route decisions. From moderation.decisions: LEGAL_HOLD_SET sets a hold
 * (the case-service sends one with the diary number when it opens a case for the comment),
 * LEGAL_HOLD_RELEASED releases the holds set by decisions with the same reference, CONFIRMED and
 * OVERRIDDEN record the route a person gave. Idempotent by event id. Through the API: a hold for a
 * pending request for access, released with a reason.
 */
@ApplicationScoped
public class LegalHolds {

    public static final int MAX_TEXT = 500;
    /** A hold from moderation.decisions: the case-service sets one for every comment in an open case. */
    static final String SOURCE_DECISIONS = "moderation.decisions";

    @Inject
    HoldStore store;

    public void apply(EventEnvelope<ModerationDecided> event) {
        ModerationDecided d = event.payload();
        String key = CommentKey.parse(event.commentKey()).toString();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = store.connection()) {
                if (!store.firstTime(c, event.eventId(), key, d.kind().name(), Instant.now())) {
                    return;
                }
                switch (d.kind()) {
                    case LEGAL_HOLD_SET -> {
                        store.lock(c, key);
                        store.insert(c, new LegalHold(EventIds.derive("legal-hold", event.eventId().toString()), key,
                                d.reference(), d.reason(), SOURCE_DECISIONS, d.decidedBy(), d.decidedAt(),
                                null, null, null), event.eventId());
                    }
                    case LEGAL_HOLD_RELEASED -> store.releaseFromDecision(c, key, d.reference(), d.decidedBy(),
                            d.decidedAt(), d.reason(), event.eventId());
                    case CONFIRMED, OVERRIDDEN -> store.decideRoute(c, key, d.decidedRoute().name(), d.decidedSubtype(),
                            d.kind().name(), event.eventId(), d.decidedAt());
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Sets a hold for a pending request for access (or its appeal). */
    public LegalHold set(String commentKey, String reference, String reason, String by) {
        String key;
        try {
            key = CommentKey.parse(commentKey == null ? null : commentKey.trim()).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("commentKey must be platform:accountId:commentId");
        }
        requireText("reference", reference);
        requireText("reason", reason);
        LegalHold hold = new LegalHold(UUID.randomUUID(), key, reference.trim(), reason.trim(), "api", by, Instant.now(),
                null, null, null);
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = store.connection()) {
                store.lock(c, key);
                store.insert(c, hold, null);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return hold;
    }

    public sealed interface Release permits Released, AlreadyReleased, HeldByCase, NotFound {
    }

    /** Set by an open case through moderation.decisions: only closing the case releases it. */
    public record HeldByCase(LegalHold hold) implements Release {
    }

    public record Released(LegalHold hold) implements Release {
    }

    public record AlreadyReleased(LegalHold hold) implements Release {
    }

    public record NotFound() implements Release {
    }

    public Release release(UUID holdId, String reason, String by) {
        requireText("reason", reason);
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = store.connection()) {
                Optional<LegalHold> hold = store.find(c, holdId);
                if (hold.isEmpty()) {
                    return new NotFound();
                }
                if (hold.get().active() && SOURCE_DECISIONS.equals(hold.get().source())) {
                    return new HeldByCase(hold.get());
                }
                if (!store.release(c, holdId, by, Instant.now(), reason.trim())) {
                    return new AlreadyReleased(hold.get());
                }
                return new Released(store.find(c, holdId).orElseThrow());
            }
        });
    }

    public List<LegalHold> list(String commentKey, Boolean active, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = store.connection()) {
                return store.list(c, commentKey == null || commentKey.isBlank() ? null : commentKey.trim(), active,
                        page * size, size);
            }
        });
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_TEXT + " characters");
        }
    }
}
