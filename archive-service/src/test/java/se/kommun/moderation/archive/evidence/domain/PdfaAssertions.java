package se.kommun.moderation.archive.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * PDF/A-2b checks for tests: the veraPDF validator (the PDF Association's reference implementation,
 * from Maven Central) and, independently, structural checks of what PDF/A-2b requires of us.
 */
public final class PdfaAssertions {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfaAssertions() {
    }

    /** veraPDF's verdict against the PDF/A-2B profile, with the failed rules named. */
    public static List<String> veraPdfFailures(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_2_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = new ArrayList<>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    failures.add(assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber()
                            + ": " + assertion.getMessage());
                }
            }
            if (!result.isCompliant() && failures.isEmpty()) {
                failures.add("not compliant (" + result.getJobEndStatus() + ")");
            }
            return failures.stream().distinct().collect(Collectors.toList());
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not validate the document: " + e, e);
        }
    }

    /** Passes veraPDF's PDF/A-2B profile and the structural checks below. */
    public static void assertPdfA2b(byte[] pdf) {
        assertThat(veraPdfFailures(pdf)).as("veraPDF PDF/A-2B failures").isEmpty();
        assertStructure(pdf);
    }

    /** XMP names part 2, conformance B; every font is embedded; an sRGB output intent with its ICC profile. */
    public static void assertStructure(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new String(pdf, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.");
            XMPMetadata xmp = new DomXmpParser().parse(document.getDocumentCatalog().getMetadata().exportXMPMetadata());
            PDFAIdentificationSchema id = xmp.getPDFAIdentificationSchema();
            assertThat(id).as("pdfaid schema").isNotNull();
            assertThat(id.getPart()).isEqualTo(2);
            assertThat(id.getConformance()).isEqualTo("B");
            assertThat(document.isEncrypted()).isFalse();

            List<PDOutputIntent> intents = document.getDocumentCatalog().getOutputIntents();
            assertThat(intents).hasSize(1);
            assertThat(intents.get(0).getCOSObject().getNameAsString(COSName.S)).isEqualTo("GTS_PDFA1");
            assertThat(intents.get(0).getDestOutputIntent()).isNotNull();
            assertThat(intents.get(0).getOutputConditionIdentifier()).contains("sRGB");

            int fonts = 0;
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
        } catch (IOException | org.apache.xmpbox.xml.XmpParsingException e) {
            throw new AssertionError("cannot read the PDF: " + e, e);
        }
    }

    /** The document's text as PDFBox extracts it. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
