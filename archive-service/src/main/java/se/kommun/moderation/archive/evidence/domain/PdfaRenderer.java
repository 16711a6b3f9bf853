package se.kommun.moderation.archive.evidence.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * PDF/A-2b renditions of stored records, in Swedish, for people: a police report, a request for
 * access, the city archive. Made from the record as stored (never from the platform), so the
 * rendition proves what the municipality received: every version with its SHA-256, and the thread
 * around it. Thread-safe (each call writes its own document).
 */
public final class PdfaRenderer {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.forLanguageTag("sv-SE"));

    private final ZoneId zone;
    private final String creatorTool;
    private final String producer;

    public PdfaRenderer(ZoneId zone, String creatorTool) {
        this.zone = Objects.requireNonNull(zone);
        this.creatorTool = Objects.requireNonNull(creatorTool);
        this.producer = creatorTool + " with Apache PDFBox";
    }

    /** One record: its latest version, every earlier one, and the other records of its thread. */
    public byte[] renderRecord(StoredRecord record, List<StoredRecord> threadContext, Instant renderedAt) {
        StoredVersion latest = record.latest();
        try (PdfaComposer pdf = new PdfaComposer("Återgivning av " + record.commentKey())) {
            pdf.heading("Inkommen kommentar — återgivning ur arkivet", 16f);
            pdf.paragraph("Allmän handling, återgiven ur arkivets lagrade exemplar (inte från plattformen). "
                    + "Kontrollsummorna är SHA-256 över de bytes som togs emot.");
            pdf.space(6f);
            pdf.field("Kommentarsnyckel", record.commentKey());
            pdf.field("Plattform / konto", latest.platform() + " / " + latest.accountId());
            pdf.field("Tråd", threadLabel(latest));
            pdf.field("Permalänk", latest.permalink());
            pdf.field("Versioner", Integer.toString(record.versions().size()));
            pdf.field("Återgiven", time(renderedAt) + " av " + creatorTool);

            pdf.heading("Senaste version (" + latest.version() + " av " + record.versions().size() + ")", 13f);
            version(pdf, latest);

            List<StoredVersion> earlier = record.earlier();
            if (!earlier.isEmpty()) {
                pdf.heading("Tidigare versioner", 13f);
                for (StoredVersion version : earlier) {
                    pdf.heading("Version " + version.version(), 11f);
                    version(pdf, version);
                }
            }

            pdf.heading("Trådkontext", 13f);
            if (threadContext.isEmpty()) {
                pdf.paragraph("Arkivet har inga andra kommentarer i samma tråd.");
            } else {
                pdf.paragraph(threadContext.size() + " andra kommentarer i samma tråd, i den ordning de togs emot "
                        + "(senaste versionen av var och en):");
                for (StoredRecord other : threadContext) {
                    pdf.heading(other.commentKey(), 10f);
                    version(pdf, other.latest());
                }
            }
            return pdf.finish("Återgivning av " + record.commentKey(),
                    "Inkommen kommentar " + record.commentKey() + " med tidigare versioner och trådkontext",
                    renderedAt, creatorTool, producer);
        }
    }

    /** A snapshot of one thread for the city archive: every record, every version, in order received. */
    public byte[] renderThread(String account, String threadKey, String period, List<StoredRecord> records,
            Instant renderedAt) {
        try (PdfaComposer pdf = new PdfaComposer("Tråd " + threadKey + " (" + account + ", " + period + ")")) {
            pdf.heading("Ögonblicksbild av en tråd", 16f);
            pdf.field("Konto", account);
            pdf.field("Tråd", threadKey);
            pdf.field("Period", period);
            pdf.field("Kommentarer", Integer.toString(records.size()));
            pdf.field("Framställd", time(renderedAt) + " av " + creatorTool);
            for (StoredRecord record : records) {
                pdf.heading(record.commentKey(), 11f);
                for (StoredVersion version : record.versions()) {
                    if (record.versions().size() > 1) {
                        pdf.paragraph("Version " + version.version() + " av " + record.versions().size());
                    }
                    version(pdf, version);
                }
            }
            return pdf.finish("Tråd " + threadKey + ", " + account + ", " + period,
                    "Ögonblicksbild av tråden " + threadKey + " på kontot " + account + " för " + period,
                    renderedAt, creatorTool, producer);
        }
    }

    private void version(PdfaComposer pdf, StoredVersion v) {
        pdf.field("Händelse", verb(v.verb()));
        pdf.field("Författare", v.culled() ? "(gallrad)" : v.authorName());
        pdf.field("Skriven", v.createdAt() == null ? null : time(v.createdAt()));
        pdf.field("Mottagen", time(v.receivedAt()));
        pdf.field("SHA-256 (rådata)", v.rawFragmentSha256());
        if (v.culled()) {
            pdf.quote("[Innehållet är gallrat enligt gallringsbeslut; se gallringsprotokollet.]");
        } else if (v.text().isEmpty()) {
            pdf.quote("[ingen text]");
        } else {
            pdf.quote(v.text());
        }
        pdf.space(6f);
    }

    private static String threadLabel(StoredVersion v) {
        StringBuilder label = new StringBuilder();
        if (v.postId() != null) {
            label.append("inlägg ").append(v.postId());
        }
        if (v.parentId() != null) {
            label.append(label.length() == 0 ? "" : ", ").append("svar på ").append(v.parentId());
        }
        return label.length() == 0 ? "egen tråd (ingen förälder)" : label.toString();
    }

    private static String verb(String verb) {
        return switch (verb) {
            case "ADDED" -> "skriven (ADDED)";
            case "EDITED" -> "ändrad av författaren (EDITED)";
            case "REMOVED_BY_AUTHOR" -> "borttagen av författaren (REMOVED_BY_AUTHOR); arkivets exemplar finns kvar";
            case "HIDDEN" -> "dold (HIDDEN)";
            case "UNHIDDEN" -> "åter synlig (UNHIDDEN)";
            default -> verb;
        };
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }
}
