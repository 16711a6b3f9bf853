package se.kommun.moderation.ingest.commands.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Carrying out platform commands ({@code platform.commands}). Everything is optional: without any
 * of it the service starts, and a command for an account without access ends as REFUSED with the
 * reason. Tokens are never here: an account's token is its registry {@code secretRef}
 * ({@code ingest.secrets.<ref>} / {@code INGEST_SECRETS_<REF>}), or a per-account {@code token-ref}.
 */
@ConfigMapping(prefix = "ingest.commands")
public interface CommandsConfig {

    /** Off: commands are still accepted and stored, but nothing is carried out. */
    @WithDefault("true")
    boolean enabled();

    /** Platform calls in flight at once (per instance). */
    @WithDefault("4")
    int concurrency();

    /** How often due commands are looked for when nothing wakes the executor sooner. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a claimed command is ours; after a crash another instance takes it over after this. */
    @WithDefault("2m")
    Duration lease();

    @WithDefault("5s")
    Duration connectTimeout();

    /** For the platform's whole answer. */
    @WithDefault("30s")
    Duration readTimeout();

    /** How often finished results are looked for in the outbox when nothing wakes the relay sooner. */
    @WithDefault("1s")
    Duration relayInterval();

    Retry retry();

    Target facebook();

    Target instagram();

    Target x();

    Target linkedin();

    Target youtube();

    Target web();

    Target blog();

    interface Retry {

        /** Attempts in all, the first included. */
        @WithDefault("6")
        int maxAttempts();

        @WithDefault("2s")
        Duration initialBackoff();

        @WithDefault("5m")
        Duration maxBackoff();

        @WithDefault("2.0")
        double multiplier();

        /** 0..1: the wait is drawn from [(1 - jitter) × backoff, backoff]. */
        @WithDefault("0.5")
        double jitter();

        /** A platform asking for a longer wait (Retry-After) ends the command as FAILED. */
        @WithDefault("15m")
        Duration maxRetryAfter();

        /** Repeat a REPLY whose previous attempt may have reached the platform (timeout after sending). */
        @WithDefault("false")
        boolean retryAmbiguousReplies();
    }

    /** One platform. */
    interface Target {

        /** The API's base URL; each platform has its own default (tests point it at a fake). */
        Optional<String> baseUrl();

        /** LinkedIn only: the {@code LinkedIn-Version} header (YYYYMM). */
        Optional<String> apiVersion();

        RateLimitConfig rateLimit();

        /** Per account id (as in the comment key): a token reference or, for web and blog, the callback URL. */
        Map<String, AccountTarget> accounts();
    }

    /** A token bucket per account: {@code requests} per {@code period}, bursts of {@code burst}. */
    interface RateLimitConfig {

        Optional<Integer> burst();

        Optional<Integer> requests();

        Optional<Duration> period();
    }

    interface AccountTarget {

        /** Resolved as {@code ingest.secrets.<ref>}; takes precedence over the account's own secretRef. */
        Optional<String> tokenRef();

        /** Web and blog: where commands for this account are POSTed. */
        Optional<String> callbackUrl();
    }
}
