package se.kommun.moderation.ingest.commands.domain;

import java.net.URI;
import java.util.Optional;

/**
 * What it takes to act for one account: the access token (for web and blog, the account's signing
 * secret) and, for web and blog, the callback URL. Never logged.
 */
public record AccountAccess(Optional<String> token, Optional<URI> callbackUrl) {

    public static AccountAccess none() {
        return new AccountAccess(Optional.empty(), Optional.empty());
    }

    public static AccountAccess token(String token) {
        return new AccountAccess(Optional.of(token), Optional.empty());
    }

    @Override
    public String toString() {
        return "AccountAccess[token=" + (token.isPresent() ? "***" : "none") + ", callbackUrl="
                + callbackUrl.map(u -> u.getScheme() + "://" + u.getAuthority()).orElse("none") + "]";
    }
}
