package se.kommun.moderation.cases.rest;

import java.time.Instant;
import java.util.UUID;
import se.kommun.moderation.cases.persistence.CaseEntity;

/** A case as the moderators' and registrars' API shows it. */
public record CaseView(UUID id, String diaryNumber, String route, String subtype, String commentKey,
        String platform, String permalink, Instant receivedAt, Instant registeredAt, String sender,
        String description, boolean secret) {

    static CaseView of(CaseEntity entity) {
        return new CaseView(entity.id, entity.diaryNumber, entity.route, entity.subtype, entity.commentKey,
                entity.platform, entity.permalink, entity.receivedAt, entity.registeredAt, entity.sender,
                entity.description, entity.secret);
    }
}
