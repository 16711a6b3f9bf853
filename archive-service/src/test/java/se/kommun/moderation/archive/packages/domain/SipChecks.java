package se.kommun.moderation.archive.packages.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import se.kommun.moderation.archive.evidence.domain.PdfaAssertions;
import se.kommun.moderation.archive.records.domain.RawIntegrity;

/**
 * Our own checks of an E-ARK CSIP/SIP 2.1 package against the requirements the issue names (the
 * commons-ip2 validator does not resolve from Maven Central here): the layout, the METS root
 * (CSIP1 OBJID, CSIP2 TYPE, CSIP4 CONTENTINFORMATIONTYPE, CSIP6 PROFILE), metsHdr (CSIP7 CREATEDATE,
 * CSIP9 OAISPACKAGETYPE=SIP, a software CREATOR agent), dmdSec/amdSec mdRefs and fileSec files
 * with SIZE, CREATED, CHECKSUM and CHECKSUMTYPE (CSIP69–72) recomputed from the zip, a structMap
 * labelled CSIP, every file listed exactly once, PREMIS fixity equal to the bytes, and every
 * PDF passing veraPDF's PDF/A-2B profile.
 */
public final class SipChecks {

    private SipChecks() {
    }

    /** The zip's entries, path below the package root → bytes. */
    public static Map<String, byte[]> unzip(byte[] zip, String root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                assertThat(entry.getName()).startsWith(root + "/");
                files.put(entry.getName().substring(root.length() + 1), in.readAllBytes());
            }
        }
        return files;
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** Checks the package; returns the METS document for further assertions. */
    public static Document check(byte[] zip, String objid) throws Exception {
        Map<String, byte[]> files = unzip(zip, objid);
        assertThat(files).containsKeys("METS.xml", "metadata/descriptive/dc.xml", "metadata/preservation/premis.xml");
        assertThat(files.keySet()).anyMatch(p -> p.startsWith("representations/rep1/data/threads/") && p.endsWith(".pdf"));
        assertThat(files.keySet()).anyMatch(p -> p.startsWith("representations/rep1/data/originals/") && p.endsWith(".json"));

        Document mets = parse(files.get("METS.xml"));
        Element root = mets.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SipBuilder.METS);
        assertThat(root.getLocalName()).isEqualTo("mets");
        assertThat(root.getAttribute("OBJID")).isEqualTo(objid);
        assertThat(root.getAttribute("TYPE")).isNotBlank();
        assertThat(root.getAttributeNS(SipBuilder.CSIP, "CONTENTINFORMATIONTYPE")).isNotBlank();
        assertThat(root.getAttribute("PROFILE")).isEqualTo(SipBuilder.SIP_PROFILE);

        Element hdr = single(mets, "metsHdr");
        Instant.parse(hdr.getAttribute("CREATEDATE"));
        assertThat(hdr.getAttributeNS(SipBuilder.CSIP, "OAISPACKAGETYPE")).isEqualTo("SIP");
        List<Element> agents = all(hdr, "agent");
        assertThat(agents).anySatisfy(a -> {
            assertThat(a.getAttribute("ROLE")).isEqualTo("CREATOR");
            assertThat(a.getAttribute("TYPE")).isEqualTo("OTHER");
            assertThat(a.getAttribute("OTHERTYPE")).isEqualTo("SOFTWARE");
        });
        assertThat(agents).anySatisfy(a -> assertThat(a.getAttribute("ROLE")).isEqualTo("ARCHIVIST"));

        Set<String> referenced = new HashSet<>();
        Map<String, String> ids = new HashMap<>();
        List<Element> mdRefs = all(mets.getDocumentElement(), "mdRef");
        assertThat(mdRefs).extracting(e -> e.getAttribute("MDTYPE")).contains("DC", "PREMIS");
        for (Element ref : mdRefs) {
            assertThat(((Element) ref.getParentNode()).getAttribute("ID")).isNotBlank();
            checkFile(ref, ref.getAttributeNS(SipBuilder.XLINK, "href"), files, referenced);
        }
        List<Element> fileGroups = all(single(mets, "fileSec"), "fileGrp");
        assertThat(fileGroups).extracting(g -> g.getAttribute("USE")).contains("Representations/rep1");
        for (Element group : fileGroups) {
            ids.put(group.getAttribute("ID"), "fileGrp");
            for (Element file : all(group, "file")) {
                assertThat(file.getAttribute("ID")).isNotBlank();
                assertThat(ids.put(file.getAttribute("ID"), "file")).as("unique file ID").isNull();
                assertThat(file.getAttribute("MIMETYPE")).isNotBlank();
                Element flocat = all(file, "FLocat").get(0);
                assertThat(flocat.getAttribute("LOCTYPE")).isEqualTo("URL");
                assertThat(flocat.getAttributeNS(SipBuilder.XLINK, "type")).isEqualTo("simple");
                checkFile(file, flocat.getAttributeNS(SipBuilder.XLINK, "href"), files, referenced);
            }
        }
        Set<String> listed = new HashSet<>(files.keySet());
        listed.remove("METS.xml");
        assertThat(referenced).as("every file of the package is in the METS, once").isEqualTo(listed);

        Element structMap = single(mets, "structMap");
        assertThat(structMap.getAttribute("LABEL")).isEqualTo("CSIP");
        assertThat(structMap.getAttribute("TYPE")).isEqualTo("PHYSICAL");
        for (Element fptr : all(structMap, "fptr")) {
            assertThat(ids).containsKey(fptr.getAttribute("FILEID"));
        }
        assertThat(all(structMap, "div")).extracting(d -> d.getAttribute("LABEL"))
                .contains("Metadata", "Representations/rep1");

        Document premis = parse(files.get("metadata/preservation/premis.xml"));
        NodeList objects = premis.getElementsByTagNameNS("http://www.loc.gov/premis/v3", "object");
        assertThat(objects.getLength()).isPositive();
        for (int i = 0; i < objects.getLength(); i++) {
            Element object = (Element) objects.item(i);
            String path = text(object, "objectIdentifierValue");
            assertThat(files).containsKey(path);
            assertThat(text(object, "messageDigest")).isEqualTo(RawIntegrity.sha256Hex(files.get(path)));
            assertThat(Long.parseLong(text(object, "size"))).isEqualTo(files.get(path).length);
        }
        parse(files.get("metadata/descriptive/dc.xml"));

        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().endsWith(".pdf")) {
                PdfaAssertions.assertPdfA2b(f.getValue());
            }
        }
        return mets;
    }

    private static void checkFile(Element e, String href, Map<String, byte[]> files, Set<String> referenced) {
        assertThat(href).as("href").isNotBlank().doesNotStartWith("/");
        assertThat(files).as("file %s is in the package", href).containsKey(href);
        byte[] bytes = files.get(href);
        assertThat(Long.parseLong(e.getAttribute("SIZE"))).as("SIZE of %s", href).isEqualTo(bytes.length);
        Instant.parse(e.getAttribute("CREATED"));
        assertThat(e.getAttribute("CHECKSUMTYPE")).isEqualTo("SHA-256");
        assertThat(e.getAttribute("CHECKSUM")).as("CHECKSUM of %s", href).isEqualTo(RawIntegrity.sha256Hex(bytes));
        assertThat(referenced.add(href)).as("%s referenced once", href).isTrue();
    }

    static Element single(Document doc, String name) {
        NodeList list = doc.getElementsByTagNameNS(SipBuilder.METS, name);
        assertThat(list.getLength()).as("one mets:%s", name).isEqualTo(1);
        return (Element) list.item(0);
    }

    static List<Element> all(Element parent, String name) {
        NodeList list = parent.getElementsByTagNameNS(SipBuilder.METS, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS("http://www.loc.gov/premis/v3", name).item(0).getTextContent();
    }
}
