package se.kommun.moderation.ingest.commands.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.accounts.domain.AccountDirectory;
import se.kommun.moderation.ingest.accounts.domain.SecretResolver;
import se.kommun.moderation.ingest.commands.config.CommandsConfig;
import se.kommun.moderation.ingest.commands.domain.AccessResolver;
import se.kommun.moderation.ingest.commands.domain.AccountAccess;
import se.kommun.moderation.ingest.youtube.config.YouTubeConfig;

/**
 * The token for acting as an account, in this order: the account's {@code token-ref} under
 * {@code ingest.commands.<platform>.accounts."<id>"}, the account's own {@code secretRef} in the
 * registry (the Page token for Facebook, the signing secret for web and blog), and for YouTube the
 * poller's {@code ingest.youtube.oauth-token}. Every reference is resolved by {@link SecretResolver}.
 */
@ApplicationScoped
public class ConfiguredAccess implements AccessResolver {

    @Inject
    PlatformSettings settings;

    @Inject
    AccountDirectory accounts;

    @Inject
    SecretResolver secrets;

    @Inject
    YouTubeConfig youtube;

    @Override
    public AccountAccess resolve(Platform platform, String accountId) {
        Optional<CommandsConfig.AccountTarget> configured = Optional.ofNullable(settings.target(platform).accounts().get(accountId));
        Optional<String> token = secrets.resolve(configured.flatMap(CommandsConfig.AccountTarget::tokenRef))
                .or(() -> secrets.resolve(accounts.find(platform, accountId).flatMap(AccountDirectory.Entry::secretRef)))
                .or(() -> platform == Platform.YOUTUBE ? youtube.oauthToken() : Optional.empty());
        Optional<URI> callback = configured.flatMap(CommandsConfig.AccountTarget::callbackUrl)
                .filter(url -> !url.isBlank()).map(URI::create);
        return new AccountAccess(token, callback);
    }
}
