package se.kommun.moderation.cases.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.cases.crisis.domain.CrisisDigest;
import se.kommun.moderation.cases.crisis.domain.DigestCsv;

class DigestCsvTest {

    @Test
    void quotesSeparatorsAndDefusesFormulas() {
        CrisisDigest digest = new CrisisDigest(UUID.randomUUID(), "Storm, \"Gudrun\"", List.of("facebook:p"),
                Instant.parse("2026-01-08T10:00:00Z"), null, 1, Map.of("TRIVIAL", 1L),
                List.of(new CrisisDigest.Question("Var, när?", 3, Instant.parse("2026-01-08T11:00:00Z"))),
                List.of(new CrisisDigest.Item(Instant.parse("2026-01-08T11:00:00Z"), "facebook", "p", "TRIVIAL",
                        "question", true, "=cmd|' /C calc'!A0\nrad två", null)));
        String csv = DigestCsv.of(digest);
        assertThat(csv.split("\r\n")[0]).startsWith("\"section\",\"key\",\"value\"");
        assertThat(csv).contains("\"crisis\",\"name\",\"Storm, \"\"Gudrun\"\"\"")
                .contains("\"question\",\"Var, när?\",\"3\"")
                .contains("\"'=cmd|' /C calc'!A0\nrad två\"")
                .doesNotContain(",=cmd");
        assertThat(csv).endsWith("\r\n");
    }

    @Test
    void everyCellIsQuotedSoASemicolonCannotStartAFormulaInSwedishExcel() {
        CrisisDigest digest = new CrisisDigest(UUID.randomUUID(), "Storm", List.of("facebook:p"),
                Instant.parse("2026-01-08T10:00:00Z"), null, 1, Map.of("TRIVIAL", 1L), List.of(),
                List.of(new CrisisDigest.Item(Instant.parse("2026-01-08T11:00:00Z"), "facebook", "p", "TRIVIAL",
                        "chatter", false, "hej;=HYPERLINK(A1)", null)));
        String latest = DigestCsv.of(digest).lines().filter(l -> l.contains("HYPERLINK")).findFirst().orElseThrow();
        for (String cell : latest.split(",")) {
            assertThat(cell).startsWith("\"").endsWith("\"");
        }
        assertThat(latest).contains("\"hej;=HYPERLINK(A1)\"");
    }
}
