package se.kommun.moderation.ingest.commands.domain;

import se.kommun.moderation.events.Platform;

/** Finds the token (and callback URL) for acting as one account. */
@FunctionalInterface
public interface AccessResolver {

    AccountAccess resolve(Platform platform, String accountId);
}
