package se.kommun.moderation.archive.evidence.domain;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import javax.xml.transform.TransformerException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Writes simple text documents as PDF/A-2b (ISO 19005-2, level B) with Apache PDFBox: the DejaVu
 * Sans TrueType font embedded (subset), XMP metadata that names the PDF/A part and conformance and
 * matches the document information dictionary, and an sRGB output intent. Text is laid out on A4
 * pages with word wrapping; every page gets a footer with its number.
 *
 * <p>Characters the font has no glyph for (emoji, some scripts) and invisible format characters
 * (zero-width space, bidi controls) are written as their code point in brackets ({@code [U+200B]})
 * rather than dropped, so the rendition never silently differs from the stored text. One composer
 * writes one document; it is not thread-safe.
 */
public final class PdfaComposer implements AutoCloseable {

    private static final byte[] REGULAR = resource("/fonts/dejavu/DejaVuSans.ttf");
    private static final byte[] BOLD = resource("/fonts/dejavu/DejaVuSans-Bold.ttf");
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50f;
    private static final float FOOTER = 30f;
    private static final float BODY_SIZE = 10f;
    private static final float LEADING = 1.35f;

    private final PDDocument document = new PDDocument();
    private final PDFont regular;
    private final PDFont bold;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private final String footerText;
    private PDPageContentStream content;
    private float y;

    public PdfaComposer(String footerText) {
        this.footerText = footerText;
        try {
            regular = PDType0Font.load(document, new TTFParser().parse(new RandomAccessReadBuffer(REGULAR)), true);
            bold = PDType0Font.load(document, new TTFParser().parse(new RandomAccessReadBuffer(BOLD)), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the bundled DejaVu fonts", e);
        }
        newPage();
    }

    /** A heading in bold; starts a new page when less than a few lines are left. */
    public PdfaComposer heading(String text, float size) {
        ensureSpace(size * LEADING * 3);
        y -= size * 0.6f;
        lines(text, bold, size, 0f);
        y -= size * 0.2f;
        return this;
    }

    /** A line {@code label: value}, the label in bold, the value wrapped under itself. */
    public PdfaComposer field(String label, String value) {
        float labelWidth = 130f;
        String shown = value == null || value.isBlank() ? "–" : value;
        List<String> wrapped = wrap(printable(shown, regular), regular, BODY_SIZE, width() - labelWidth);
        ensureSpace(BODY_SIZE * LEADING);
        text(printable(label, bold), bold, BODY_SIZE, MARGIN, y - BODY_SIZE);
        for (int i = 0; i < wrapped.size(); i++) {
            if (i > 0) {
                ensureSpace(BODY_SIZE * LEADING);
            }
            text(wrapped.get(i), regular, BODY_SIZE, MARGIN + labelWidth, y - BODY_SIZE);
            y -= BODY_SIZE * LEADING;
        }
        return this;
    }

    /** A paragraph of body text, wrapped; line breaks in the text are kept. */
    public PdfaComposer paragraph(String text) {
        lines(text, regular, BODY_SIZE, 0f);
        return this;
    }

    /** A paragraph indented and framed by a left rule: the words of a comment. */
    public PdfaComposer quote(String text) {
        float top = y;
        int startPage = document.getNumberOfPages();
        lines(text, regular, BODY_SIZE + 1, 12f);
        // The rule only on the last page the quote reached: simple, and enough to set it apart.
        float from = document.getNumberOfPages() == startPage ? top : PAGE.getHeight() - MARGIN;
        try {
            content.setLineWidth(1.5f);
            content.setStrokingColor(0.6f, 0.6f, 0.6f);
            content.moveTo(MARGIN + 3, from);
            content.lineTo(MARGIN + 3, y + 2);
            content.stroke();
            content.setStrokingColor(0f, 0f, 0f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public PdfaComposer space(float points) {
        y -= points;
        return this;
    }

    /** Finishes the document: footers, metadata, output intent; returns the PDF's bytes. */
    public byte[] finish(String title, String subject, Instant created, String creatorTool, String producer) {
        try {
            content.close();
            content = null;
            int total = document.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    String line = printable(footerText + " — sida " + (i + 1) + " av " + total, regular);
                    footer.beginText();
                    footer.setFont(regular, 8f);
                    footer.newLineAtOffset(MARGIN, FOOTER - 8f);
                    footer.showText(line);
                    footer.endText();
                }
            }
            Calendar when = calendar(created);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setSubject(subject);
            info.setCreator(creatorTool);
            info.setProducer(producer);
            info.setCreationDate(when);
            info.setModificationDate(when);
            document.getDocumentCatalog().setMetadata(xmp(title, subject, when, creatorTool, producer));
            document.getDocumentCatalog().setLanguage("sv-SE");
            PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(SRGB));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            document.getDocumentCatalog().addOutputIntent(intent);
            document.setVersion(1.7f);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF/A document", e);
        }
    }

    @Override
    public void close() {
        try {
            if (content != null) {
                content.close();
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDMetadata xmp(String title, String subject, Calendar when, String creatorTool, String producer)
            throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.addDescription(null, subject);
        dc.setFormat("application/pdf");
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreateDate(when);
        basic.setModifyDate(when);
        basic.setCreatorTool(creatorTool);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(producer);
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        id.setPart(2);
        try {
            id.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, bytes, true);
        } catch (TransformerException e) {
            throw new IOException("cannot serialise the XMP metadata", e);
        }
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(bytes.toByteArray());
        return metadata;
    }

    /** Info dictionary and XMP must carry the same instant: whole seconds, UTC, in both. */
    private static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
        calendar.setTimeInMillis(instant.truncatedTo(ChronoUnit.SECONDS).toEpochMilli());
        return calendar;
    }

    private void lines(String text, PDFont font, float size, float indent) {
        List<String> wrapped = wrap(printable(text == null ? "" : text, font), font, size, width() - indent);
        for (String line : wrapped) {
            ensureSpace(size * LEADING);
            if (!line.isEmpty()) {
                text(line, font, size, MARGIN + indent, y - size);
            }
            y -= size * LEADING;
        }
    }

    private void text(String line, PDFont font, float size, float x, float baseline) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(line);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    private void ensureSpace(float needed) {
        if (y - needed < MARGIN + FOOTER) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines no wider than {@code maxWidth}: words wrap, words longer than a line break anywhere. */
    List<String> wrap(String text, PDFont font, float size, float maxWidth) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ", -1)) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(candidate, font, size) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, font, size) > maxWidth) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), font, size) > maxWidth) {
                        cut--;
                    }
                    if (Character.isLowSurrogate(rest.charAt(cut))) {
                        cut--;
                    }
                    out.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            out.add(line.toString());
        }
        return out;
    }

    private static float width(String text, PDFont font, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text as the font can show it: tabs become spaces, carriage returns go, and every code point
     * without a glyph or that is an invisible control or format character becomes its code point in
     * brackets, e.g. {@code [U+200B]}.
     */
    String printable(String text, PDFont font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append("    ");
            } else if (cp == '\r') {
                return;
            } else if (invisible(cp) || !hasGlyph(font, cp)) {
                out.append(String.format(Locale.ROOT, "[U+%04X]", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }

    private boolean hasGlyph(PDFont font, int cp) {
        int key = font == bold ? -cp - 1 : cp;
        return glyphs.computeIfAbsent(key, k -> {
            try {
                font.encode(new String(Character.toChars(cp)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfaComposer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
