package se.kommun.moderation.archive.evidence.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code archive.evidence.*}: how evidence is captured, retried and published. */
@ConfigMapping(prefix = "archive.evidence")
public interface EvidenceConfig {

    Chromium chromium();

    /** Where the screenshot browser may go (everything else is refused, and so is any non-public address). */
    Hosts hosts();

    /** Captures running at once (each holds a browser while it screenshots, then renders the PDF/A). */
    @WithDefault("2")
    int workers();

    /** How often due requests and unpublished events are looked for (besides the immediate wake-up). */
    @WithDefault("5s")
    Duration sweepInterval();

    /** How long a capture waits for the record to arrive on comments.received before it goes ahead without it. */
    @WithDefault("10m")
    Duration recordWait();

    /** Delay before a request is tried again after an error (doubles per attempt). */
    @WithDefault("15s")
    Duration retryBackoff();

    /** Attempts before a request is marked FAILED (it stays visible; POST asks again). */
    @WithDefault("5")
    int maxAttempts();

    /** How long a claimed request is reserved for its worker; after that another instance may take it. */
    @WithDefault("5m")
    Duration lease();

    /** How long to wait for the broker's acknowledgement of evidence.captured before leaving it to the sweep. */
    @WithDefault("30s")
    Duration publishTimeout();

    /** At most this many other records of the thread go into a rendition. */
    @WithDefault("200")
    int threadContextLimit();

    /** Time zone the renditions show times in. */
    @WithDefault("Europe/Stockholm")
    ZoneId zone();

    interface Chromium {

        @WithDefault("/usr/bin/chromium")
        Path binary();

        @WithDefault("/usr/bin/chromedriver")
        Path driver();

        /**
         * Command-line flags (feasibility study §5). No --no-sandbox: as root, Chromium runs as
         * {@link #runAs()} with its sandbox; proxy, resolver and profile flags are set by the service
         * and ignored here.
         */
        @WithDefault("--headless,--disable-gpu,--disable-background-networking,--disable-component-update,"
                + "--disable-sync,--no-first-run,--disable-quic,--disable-dev-shm-usage,--hide-scrollbars,--lang=sv-SE")
        List<String> arguments();

        /**
         * When the service runs as root: the unprivileged user chromedriver and Chromium run as
         * (switched with setpriv), so that Chromium keeps its sandbox. {@code root}: Chromium stays
         * root, without its sandbox (logged). Not used when the service is not root.
         */
        @WithDefault("nobody")
        Optional<String> runAs();

        /** Browsers kept running at most. */
        @WithDefault("1")
        int poolSize();

        @WithDefault("20s")
        Duration pageLoadTimeout();

        /** Hard limit of one screenshot; the browser is killed after it. */
        @WithDefault("60s")
        Duration captureTimeout();

        @WithDefault("1280")
        int windowWidth();

        @WithDefault("1024")
        int windowHeight();

        /** Taller pages are cut here (and the cut is noted in the bundle). */
        @WithDefault("16384")
        int maxPageHeight();

        /** A browser is replaced after this many screenshots, to bound its memory. */
        @WithDefault("100")
        int maxCapturesPerSession();
    }

    /**
     * Allow-lists. An entry is {@code host} (that host and its subdomains, any port, public
     * addresses only) or {@code host:port} (exactly that, whatever address it has: the only way to
     * reach a non-public address, for a test or staging page server).
     */
    interface Hosts {

        /**
         * Platform id (facebook, instagram, x, linkedin, youtube) → hosts that replace that
         * platform's defaults (its page and CDN hosts, see EgressHosts.PLATFORM_DEFAULTS).
         */
        Map<String, List<String>> platform();

        /** Web or blog account id → the hosts that account's pages (and what they load) are on. */
        Map<String, List<String>> account();
    }
}
