package se.kommun.moderation.archive.evidence.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import se.kommun.moderation.archive.evidence.browser.ChromiumScreenshots;
import se.kommun.moderation.archive.evidence.domain.EgressHosts;
import se.kommun.moderation.archive.evidence.domain.EvidenceCapturer;
import se.kommun.moderation.archive.evidence.domain.HostResolver;
import se.kommun.moderation.archive.evidence.domain.PdfaRenderer;

/** Wires the plain evidence classes from configuration. The browser starts lazily, on the first capture. */
public class EvidenceBeans {

    static final String PRODUCER = "archive-service";

    @Produces
    @Singleton
    ChromiumScreenshots chromium(EvidenceConfig config) {
        EvidenceConfig.Chromium c = config.chromium();
        return new ChromiumScreenshots(new ChromiumScreenshots.Settings(c.binary(), c.driver(), c.arguments(),
                c.poolSize(), c.pageLoadTimeout(), c.captureTimeout(), c.windowWidth(), c.windowHeight(),
                c.maxPageHeight(), c.maxCapturesPerSession(), c.runAs()));
    }

    /** Read at start-up, so a mistyped platform or host entry stops the service rather than every capture. */
    @Produces
    @Singleton
    @Startup
    EgressHosts egressHosts(EvidenceConfig config) {
        return new EgressHosts(config.hosts().platform(), config.hosts().account(), HostResolver.system());
    }

    void closeChromium(@Disposes ChromiumScreenshots chromium) {
        chromium.close();
    }

    @Produces
    @Singleton
    PdfaRenderer renderer(EvidenceConfig config) {
        return new PdfaRenderer(config.zone(), PRODUCER);
    }

    @Produces
    @Singleton
    EvidenceCapturer capturer(ChromiumScreenshots chromium, EgressHosts hosts, PdfaRenderer renderer) {
        return new EvidenceCapturer(chromium, hosts, renderer, Clock.systemUTC());
    }
}
