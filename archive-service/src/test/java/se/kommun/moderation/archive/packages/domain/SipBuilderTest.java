package se.kommun.moderation.archive.packages.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.archive.evidence.domain.PdfaRenderer;
import se.kommun.moderation.archive.evidence.domain.StoredRecord;
import se.kommun.moderation.archive.evidence.domain.StoredVersion;
import se.kommun.moderation.archive.records.domain.RawIntegrity;

class SipBuilderTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private final SipBuilder builder = new SipBuilder(new PdfaRenderer(ZONE, "archive-service test"));
    private final HalfYear period = HalfYear.parse("2026-H2");

    static StoredVersion version(long id, String commentId, int n, String post, String parent, String text) {
        byte[] raw = ("{\"id\":\"" + commentId + "\",\"message\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
        return new StoredVersion(id, "facebook:page-1:" + commentId, n, n == 1 ? "ADDED" : "EDITED", "facebook",
                "page-1", commentId, post, parent, "Anna", text, "https://example.org/" + commentId,
                Instant.parse("2026-09-01T10:00:00Z"), Instant.parse("2026-09-01T10:00:00Z").plusSeconds(id),
                "application/json", RawIntegrity.sha256Hex(raw), raw);
    }

    PackageContent content(List<StoredRecord> records, List<PackageContent.EvidenceFile> evidence) {
        return new PackageContent(UUID.randomUUID(), "facebook", "page-1", period, period.start(ZONE), period.end(ZONE),
                Instant.parse("2027-01-02T01:00:00Z"), "Örebro kommun", "Stadsarkivet", "archive-service", records,
                evidence);
    }

    @Test
    void aPackageOfTwoThreadsPassesTheChecks() throws Exception {
        StoredRecord a = new StoredRecord("facebook:page-1:c-1",
                List.of(version(1, "c-1", 1, "p-1", null, "Hej"), version(2, "c-1", 2, "p-1", null, "Hej igen")));
        StoredRecord b = new StoredRecord("facebook:page-1:c-2", List.of(version(3, "c-2", 1, "p-1", "c-1", "Svar")));
        StoredRecord c = new StoredRecord("facebook:page-1:c-3", List.of(version(4, "c-3", 1, "p-2", null, "Annan tråd")));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0};
        PackageContent.EvidenceFile shot = new PackageContent.EvidenceFile(UUID.randomUUID(), "facebook:page-1:c-1",
                "SCREENSHOT_PNG", "image/png", RawIntegrity.sha256Hex(png), png, Instant.parse("2026-09-01T10:01:00Z"));

        PackageContent content = content(List.of(a, b, c), List.of(shot));
        BuiltPackage built = builder.build(content);

        assertThat(built.objid()).isEqualTo(content.packageId().toString());
        assertThat(built.threads()).isEqualTo(2);
        assertThat(built.records()).isEqualTo(3);
        assertThat(built.versions()).isEqualTo(4);
        assertThat(built.evidence()).isEqualTo(1);
        assertThat(built.sha256()).isEqualTo(RawIntegrity.sha256Hex(built.zip()));
        SipChecks.check(built.zip(), built.objid());

        Map<String, byte[]> files = SipChecks.unzip(built.zip(), built.objid());
        // 2 thread PDFs + 4 originals + records.json + 1 evidence + METS + dc + premis
        assertThat(files).hasSize(11).hasSize(built.files());
        assertThat(files.entrySet()).filteredOn(e -> e.getKey().contains("/originals/"))
                .extracting(e -> new String(e.getValue(), StandardCharsets.UTF_8))
                .contains("{\"id\":\"c-1\",\"message\":\"Hej igen\"}");
    }

    @Test
    void theChecksCatchAFileThatDoesNotMatchTheMets() throws Exception {
        StoredRecord a = new StoredRecord("facebook:page-1:c-1", List.of(version(1, "c-1", 1, "p-1", null, "Hej")));
        BuiltPackage built = builder.build(content(List.of(a), List.of()));
        Map<String, byte[]> files = SipChecks.unzip(built.zip(), built.objid());
        String original = files.keySet().stream().filter(k -> k.contains("/originals/")).findFirst().orElseThrow();
        files.put(original, "{\"id\":\"c-1\",\"message\":\"ändrad\"}".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(built.objid() + "/" + f.getKey()));
                out.write(f.getValue());
                out.closeEntry();
            }
        }
        assertThatThrownBy(() -> SipChecks.check(zip.toByteArray(), built.objid())).isInstanceOf(AssertionError.class)
                .hasMessageContaining(original);
    }

    @Test
    void contentThatDoesNotMatchItsStoredHashIsRefused() {
        StoredVersion v = version(1, "c-1", 1, "p-1", null, "Hej");
        StoredVersion tampered = new StoredVersion(v.id(), v.commentKey(), 1, v.verb(), v.platform(), v.accountId(),
                v.commentId(), v.postId(), v.parentId(), v.authorName(), v.text(), v.permalink(), v.createdAt(),
                v.receivedAt(), v.contentType(), v.rawFragmentSha256(), "{\"x\":1}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> builder.build(content(List.of(new StoredRecord(v.commentKey(), List.of(tampered))),
                List.of()))).hasMessageContaining("does not match its stored SHA-256");
        assertThatThrownBy(() -> builder.build(content(List.of(), List.of()))).hasMessageContaining("nothing to deliver");
    }

    @Test
    void halfYearsFollowTheLocalCalendar() {
        assertThat(HalfYear.parse("2026-H1").start(ZONE)).isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
        assertThat(HalfYear.parse("2026-H1").end(ZONE)).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
        assertThat(HalfYear.containing(Instant.parse("2027-01-02T01:00:00Z"), ZONE).previous()).hasToString("2026-H2");
        assertThatThrownBy(() -> HalfYear.parse("2026-H3")).isInstanceOf(IllegalArgumentException.class);
    }
}
