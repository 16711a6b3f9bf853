package se.kommun.moderation.archive.evidence.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import se.kommun.moderation.archive.evidence.browser.ChromiumScreenshots;
import se.kommun.moderation.archive.evidence.browser.FakePlatformPages;
import se.kommun.moderation.archive.evidence.domain.EgressPolicy;
import se.kommun.moderation.archive.evidence.domain.PdfaRenderer;
import se.kommun.moderation.archive.evidence.domain.ScreenshotResult;
import se.kommun.moderation.archive.evidence.domain.StoredRecord;
import se.kommun.moderation.archive.evidence.domain.StoredVersion;
import se.kommun.moderation.archive.records.domain.RawIntegrity;

/**
 * Seconds per evidence artefact, the service's own code paths, on this machine: a full-page
 * screenshot with the reused headless Chromium session (against a local fake platform page) and a
 * PDF/A-2b rendition; each next to a reference measured in the same run (the same browser session
 * and capture path on an empty page; PDFBox saving one empty page) and the ratio.
 * Run by bench/archive/evidence.sh.
 */
public final class EvidenceBench {

    private EvidenceBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;

        try (FakePlatformPages pages = new FakePlatformPages();
                ChromiumScreenshots chromium = new ChromiumScreenshots(new ChromiumScreenshots.Settings(
                        Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium")),
                        Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver")),
                        ChromiumScreenshots.defaultArguments(), 1, Duration.ofSeconds(20), Duration.ofSeconds(60),
                        1280, 1024, 16384, 1_000_000, Optional.of("nobody")))) {
            if (chromium.unavailable().isPresent()) {
                throw new IllegalStateException(chromium.unavailable().get() + " (run deploy/local/chromium.sh)");
            }
            long t0 = System.nanoTime();
            capture(chromium, pages.url("/blank/first"));
            double first = (System.nanoTime() - t0) / 1e9;

            int[] i = {0};
            double[] shots = measure(n, warmup, () -> capture(chromium, pages.url("/comment/c-" + (i[0]++) + "?height=2400")));
            double[] blanks = measure(n, warmup, () -> capture(chromium, pages.url("/blank/" + (i[0]++))));

            PdfaRenderer renderer = new PdfaRenderer(ZoneId.of("Europe/Stockholm"), "archive-service bench");
            StoredRecord record = record("c-0", 3);
            List<StoredRecord> context = new ArrayList<>();
            for (int c = 1; c <= 10; c++) {
                context.add(record("c-" + c, 1));
            }
            int[] pdfBytes = {0};
            double[] pdfs = measure(n, warmup, () -> {
                pdfBytes[0] = renderer.renderRecord(record, context, Instant.now()).length;
                return pdfBytes[0];
            });
            double[] empties = measure(n, warmup, EvidenceBench::emptyPdf);
            byte[] font = EvidenceBench.class.getResourceAsStream("/fonts/dejavu/DejaVuSans.ttf").readAllBytes();
            double[] oneLine = measure(n, warmup, () -> oneLinePdf(font));

            System.out.printf(Locale.ROOT, "%nEvidence capture, N=%d per row after %d warm-up, %d cores, %s%n", n, warmup,
                    Runtime.getRuntime().availableProcessors(), Instant.now());
            System.out.printf(Locale.ROOT, "%-58s %9s %9s%n", "what", "p50 s", "p95 s");
            row("screenshot: comment page, full page (1280x~2600 px PNG)", shots);
            row("  reference: empty page, same session and capture path", blanks);
            ratio(shots, blanks);
            row("PDF/A-2b rendition: 3 versions + 10 thread comments", pdfs);
            row("  reference: PDFBox saving one empty page", empties);
            ratio(pdfs, empties);
            row("  for scale: one line in embedded DejaVu Sans (no PDF/A)", oneLine);
            System.out.printf(Locale.ROOT, "%-58s %9.3f%n", "first screenshot, including the browser start", first);
            System.out.printf(Locale.ROOT, "browser sessions started: %d; rendition size %d bytes%n",
                    chromium.sessionsStarted(), pdfBytes[0]);
        }
    }

    private static int capture(ChromiumScreenshots chromium, String url) {
        // The fake page server is allowed by its exact address and port, as in the tests; the
        // egress proxy is on the path of both rows, so the ratio compares like with like.
        URI page = URI.create(url);
        ScreenshotResult result = chromium.capture(url,
                EgressPolicy.allowing("bench", List.of(page.getHost() + ":" + page.getPort())));
        if (result instanceof ScreenshotResult.Captured c) {
            return c.png().length;
        }
        throw new IllegalStateException("screenshot failed: " + ((ScreenshotResult.Failed) result).reason());
    }

    private static int emptyPdf() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.size();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int oneLinePdf(byte[] font) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType0Font f = PDType0Font.load(document, new ByteArrayInputStream(font), true);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(f, 10);
                content.newLineAtOffset(50, 700);
                content.showText("Hej! När plogas Storgatan?");
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.size();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredRecord record(String commentId, int versions) {
        List<StoredVersion> list = new ArrayList<>();
        for (int v = 1; v <= versions; v++) {
            String text = "Version " + v + " av kommentaren: Hej! När plogas Storgatan? Det har inte hänt något på "
                    + "tre dagar och det är halt för äldre och barn som ska till skolan. ".repeat(3);
            byte[] raw = ("{\"id\":\"" + commentId + "\",\"message\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
            list.add(new StoredVersion(v, "facebook:page-1:" + commentId, v, v == 1 ? "ADDED" : "EDITED", "facebook",
                    "page-1", commentId, "p-1", null, "Anna Andersson", text, "https://www.facebook.com/p-1?c=" + commentId,
                    Instant.now(), Instant.now(), "application/json", RawIntegrity.sha256Hex(raw), raw));
        }
        return new StoredRecord("facebook:page-1:" + commentId, list);
    }

    private static double[] measure(int n, int warmup, Supplier<Integer> work) {
        for (int w = 0; w < warmup; w++) {
            work.get();
        }
        double[] seconds = new double[n];
        for (int k = 0; k < n; k++) {
            long t = System.nanoTime();
            work.get();
            seconds[k] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void row(String what, double[] sorted) {
        System.out.printf(Locale.ROOT, "%-58s %9.4f %9.4f%n", what, percentile(sorted, 50), percentile(sorted, 95));
    }

    private static void ratio(double[] subject, double[] reference) {
        System.out.printf(Locale.ROOT, "%-58s %8.1fx %8.1fx%n", "  ratio", percentile(subject, 50) / percentile(reference, 50),
                percentile(subject, 95) / percentile(reference, 95));
    }
}
