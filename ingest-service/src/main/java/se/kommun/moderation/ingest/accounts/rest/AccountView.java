package se.kommun.moderation.ingest.accounts.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import se.kommun.moderation.ingest.accounts.domain.ActivationRules;
import se.kommun.moderation.ingest.accounts.domain.ChecklistItem;
import se.kommun.moderation.ingest.accounts.persistence.AccountEntity;

/** An account as administrators see it, with what still stands between it and activation. */
public record AccountView(UUID id, String platform, String externalId, String name, String owningUnit,
        String purpose, String audience, String message, String publicUrl, List<String> responsible,
        String secretRef, String status, LocalDate openedOn, LocalDate closedOn, List<ChecklistItem> checklistDone,
        List<String> blockingActivation) {

    static AccountView of(AccountEntity a) {
        return new AccountView(a.id, a.platform.id(), a.externalId, a.name, a.owningUnit, a.purpose, a.audience,
                a.message, a.publicUrl, List.copyOf(a.responsible), a.secretRef, a.status.name(), a.openedOn,
                a.closedOn, a.checklist.stream().sorted().toList(),
                ActivationRules.problems(a.status, a.checklist, a.responsible));
    }
}
