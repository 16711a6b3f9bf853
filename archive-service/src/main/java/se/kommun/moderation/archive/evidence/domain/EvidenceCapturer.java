package se.kommun.moderation.archive.evidence.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.kommun.moderation.archive.records.domain.RawIntegrity;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.EvidenceKind;

/**
 * Captures one evidence bundle: a full-page screenshot of the comment's permalink and a PDF/A
 * rendition of the stored record with its thread. Either may be missing (the page cannot be
 * reached or may not be opened; the record is not stored); the bundle then names what is missing
 * and why. Ids are derived from the bundle id, so a retried capture of the same request yields the
 * same ids. Where the screenshot may go is decided by the comment's key (its platform and
 * account), never by the permalink, which whoever wrote the comment controls.
 */
public final class EvidenceCapturer {

    private final ScreenshotTaker screenshots;
    private final EgressHosts hosts;
    private final PdfaRenderer renderer;
    private final Clock clock;

    public EvidenceCapturer(ScreenshotTaker screenshots, EgressHosts hosts, PdfaRenderer renderer, Clock clock) {
        this.screenshots = screenshots;
        this.hosts = hosts;
        this.renderer = renderer;
        this.clock = clock;
    }

    public static UUID evidenceId(UUID bundleId, EvidenceKind kind) {
        return EventIds.derive("evidence-artefact", bundleId.toString(), kind.name());
    }

    /**
     * @param permalinkFallback the permalink to use when the record is not stored (from the classification)
     */
    public CapturedBundle capture(UUID bundleId, String commentKey, Optional<StoredRecord> record,
            List<StoredRecord> threadContext, String permalinkFallback) {
        List<CapturedArtefact> artefacts = new ArrayList<>();
        List<String> missing = new ArrayList<>();

        String permalink = record.map(r -> r.latest().permalink()).filter(p -> !p.isBlank()).orElse(permalinkFallback);
        long t0 = System.nanoTime();
        ScreenshotResult shot = screenshots.capture(permalink, hosts.policyFor(commentKey));
        double shotSeconds = (System.nanoTime() - t0) / 1e9;
        if (shot instanceof ScreenshotResult.Captured captured) {
            artefacts.add(new CapturedArtefact(evidenceId(bundleId, EvidenceKind.SCREENSHOT_PNG),
                    EvidenceKind.SCREENSHOT_PNG, "image/png", captured.png(), RawIntegrity.sha256Hex(captured.png()),
                    shotSeconds));
            captured.caveat().ifPresent(c -> missing.add(EvidenceKind.SCREENSHOT_PNG + " incomplete: " + c));
        } else if (shot instanceof ScreenshotResult.Failed failed) {
            missing.add(EvidenceKind.SCREENSHOT_PNG + ": " + failed.reason());
        }

        Instant now = clock.instant();
        if (record.isPresent()) {
            long t1 = System.nanoTime();
            byte[] pdf = renderer.renderRecord(record.get(), threadContext, now);
            artefacts.add(new CapturedArtefact(evidenceId(bundleId, EvidenceKind.PDFA_RENDITION),
                    EvidenceKind.PDFA_RENDITION, "application/pdf", pdf, RawIntegrity.sha256Hex(pdf),
                    (System.nanoTime() - t1) / 1e9));
        } else {
            missing.add(EvidenceKind.PDFA_RENDITION + ": the record is not in the archive (comments.received has not"
                    + " delivered it)");
        }
        return new CapturedBundle(bundleId, commentKey, artefacts, missing, now);
    }
}
