package se.kommun.moderation.archive.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PdfaRendererTest {

    private final PdfaRenderer renderer = new PdfaRenderer(ZoneId.of("Europe/Stockholm"), "archive-service test");
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    static StoredVersion version(String commentId, int n, String verb, String text, String postId, String parentId) {
        byte[] raw = ("{\"id\":\"" + commentId + "\",\"v\":" + n + "}").getBytes(StandardCharsets.UTF_8);
        return new StoredVersion(n, "facebook:page-1:" + commentId, n, verb, "facebook", "page-1", commentId, postId,
                parentId, "Anna Andersson", text, "https://www.facebook.com/page-1/posts/" + postId + "?c=" + commentId,
                T0.minusSeconds(60), T0.plusSeconds(n * 60L), "application/json", "ab".repeat(32), raw);
    }

    @Test
    void aRecordWithVersionsAndThreadIsPdfA2bAndShowsWhatWasStored() {
        StoredRecord record = new StoredRecord("facebook:page-1:c-1", List.of(
                version("c-1", 1, "ADDED", "Första versionen: hot mot handläggaren på Storgatan.", "p-1", null),
                version("c-1", 2, "EDITED", "Andra versionen med åäö ÅÄÖ, tabb\toch radbrytning\nrad två 🙂 och\u200Bdolt", "p-1", null),
                version("c-1", 3, "REMOVED_BY_AUTHOR", "", "p-1", null)));
        StoredRecord context = new StoredRecord("facebook:page-1:c-2",
                List.of(version("c-2", 1, "ADDED", "Ett svar i samma tråd. " + "Långt ord ".repeat(200)
                        + "x".repeat(500), "p-1", "c-1")));

        byte[] pdf = renderer.renderRecord(record, List.of(context), T0.plusSeconds(3600));

        PdfaAssertions.assertPdfA2b(pdf);
        String text = PdfaAssertions.text(pdf);
        assertThat(text).contains("facebook:page-1:c-1", "Första versionen", "åäö ÅÄÖ", "rad två",
                "Senaste version (3 av 3)", "Tidigare versioner", "Trådkontext", "Ett svar i samma tråd");
        // What the font cannot show is named, never dropped.
        assertThat(text).contains("[U+1F642]", "[U+200B]");
        assertThat(text).contains("2026-11-29 12:00:00 CET");
    }

    @Test
    void aCulledVersionIsShownAsCulled() {
        StoredVersion culled = new StoredVersion(1, "web:site:c-9", 1, "ADDED", "web", "site", "c-9", null, null,
                null, null, null, null, T0, "application/json", "cd".repeat(32), null);
        byte[] pdf = renderer.renderRecord(new StoredRecord("web:site:c-9", List.of(culled)), List.of(), T0);
        PdfaAssertions.assertPdfA2b(pdf);
        assertThat(PdfaAssertions.text(pdf)).contains("gallrat", "egen tråd");
    }

    @Test
    void aThreadSnapshotIsPdfA2b() {
        StoredRecord a = new StoredRecord("facebook:page-1:c-1", List.of(version("c-1", 1, "ADDED", "Hej", "p-1", null),
                version("c-1", 2, "EDITED", "Hej igen", "p-1", null)));
        StoredRecord b = new StoredRecord("facebook:page-1:c-2", List.of(version("c-2", 1, "ADDED", "Svar", "p-1", "c-1")));
        byte[] pdf = renderer.renderThread("facebook/page-1", "p-1", "2026-H2", List.of(a, b), T0);
        PdfaAssertions.assertPdfA2b(pdf);
        assertThat(PdfaAssertions.text(pdf)).contains("Hej igen", "Svar", "2026-H2", "Version 2 av 2");
    }

    @Test
    void theValidatorCatchesADocumentThatIsNotPdfA() throws Exception {
        // The check must be able to fail: a plain PDFBox page without XMP, output intent or embedded font.
        try (org.apache.pdfbox.pdmodel.PDDocument plain = new org.apache.pdfbox.pdmodel.PDDocument()) {
            plain.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            plain.save(out);
            assertThat(PdfaAssertions.veraPdfFailures(out.toByteArray())).isNotEmpty();
        }
    }
}
