package se.kommun.moderation.ingest.accounts.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Accounts hold a reference to their secret, never the secret: {@code ingest.secrets.<ref>} in
 * configuration, or the environment variable {@code INGEST_SECRETS_<REF>}.
 */
@ApplicationScoped
public class SecretResolver {

    public Optional<String> resolve(Optional<String> ref) {
        return ref.filter(r -> !r.isBlank())
                .flatMap(r -> ConfigProvider.getConfig().getOptionalValue("ingest.secrets." + r, String.class))
                .filter(secret -> !secret.isBlank());
    }
}
