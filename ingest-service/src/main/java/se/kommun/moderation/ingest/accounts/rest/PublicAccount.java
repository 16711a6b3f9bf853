package se.kommun.moderation.ingest.accounts.rest;

import java.time.LocalDate;
import se.kommun.moderation.ingest.accounts.persistence.AccountEntity;

/** What the public list shows of an active account: no secrets, no people. */
public record PublicAccount(String platform, String name, String owningUnit, String purpose, String url,
        LocalDate openedOn) {

    static PublicAccount of(AccountEntity a) {
        return new PublicAccount(a.platform.id(), a.name, a.owningUnit, a.purpose, a.publicUrl, a.openedOn);
    }
}
