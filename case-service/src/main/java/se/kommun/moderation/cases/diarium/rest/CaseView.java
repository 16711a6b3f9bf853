package se.kommun.moderation.cases.diarium.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import se.kommun.moderation.cases.diarium.persistence.CaseEntity;

/** A case as the moderators' and registrars' API shows it (in full: it is internal). */
public record CaseView(UUID id, String diaryNumber, boolean issuedHere, String status, String route, String subtype,
        String commentKey, String platform, String permalink, Instant receivedAt, Instant registeredAt, String sender,
        String description, boolean secret, String secrecyProvision, LocalDate secrecyMarkedOn, Instant closedAt) {

    static CaseView of(CaseEntity entity) {
        return new CaseView(entity.id, entity.diaryNumber, entity.issuedHere, entity.status, entity.route,
                entity.subtype, entity.commentKey, entity.platform, entity.permalink, entity.receivedAt,
                entity.registeredAt, entity.sender, entity.description, entity.secret, entity.secrecyProvision,
                entity.secrecyMarkedOn, entity.closedAt);
    }
}
