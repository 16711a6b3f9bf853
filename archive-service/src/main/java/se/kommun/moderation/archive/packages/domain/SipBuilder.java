package se.kommun.moderation.archive.packages.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import se.kommun.moderation.archive.evidence.domain.PdfaRenderer;
import se.kommun.moderation.archive.evidence.domain.StoredRecord;
import se.kommun.moderation.archive.evidence.domain.StoredVersion;
import se.kommun.moderation.archive.records.domain.RawIntegrity;
import se.kommun.moderation.events.EventCodec;

/**
 * Builds an E-ARK CSIP/SIP 2.1 package, as FGS Paketstruktur 2.0 (RAFGS1V2.0) applies them, for one
 * account and half-year:
 *
 * <pre>
 * {objid}/METS.xml
 * {objid}/metadata/descriptive/dc.xml              Dublin Core description of the delivery
 * {objid}/metadata/preservation/premis.xml         PREMIS 3: objects with fixity, ingest events, agents
 * {objid}/representations/rep1/data/threads/*.pdf  a PDF/A-2b snapshot per thread
 * {objid}/representations/rep1/data/originals/{comment}/v{n}.json   each version's bytes as received
 * {objid}/representations/rep1/data/records.json   the normalised records with their hashes
 * {objid}/representations/rep2/data/evidence/{comment}/{id}.png|pdf   evidence captured in the period
 * </pre>
 *
 * <p>Every file is listed in the METS fileSec with SIZE, CREATED, CHECKSUM (SHA-256) and
 * CHECKSUMTYPE (CSIP69–72); the metadata files are referenced from dmdSec/amdSec with the same
 * attributes. The bytes of each original and each evidence artefact are checked against the SHA-256
 * they were stored with before they go in: a package never carries content that does not match
 * its record. Representation-level METS files (optional in CSIP) are not written.
 */
public final class SipBuilder {

    static final String METS = "http://www.loc.gov/METS/";
    static final String CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS";
    static final String SIP = "https://DILCIS.eu/XML/METS/SIPExtensionMETS";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String PREMIS = "http://www.loc.gov/premis/v3";
    public static final String SIP_PROFILE = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml";
    static final String SOFTWARE = "archive-service";
    static final String SOFTWARE_VERSION = "0.1.0";

    private final PdfaRenderer renderer;
    private final ObjectMapper json = EventCodec.instance().mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    public SipBuilder(PdfaRenderer renderer) {
        this.renderer = renderer;
    }

    /** A file of the package: its path below the package root and its bytes. */
    record PackageFile(String path, String mimeType, byte[] content, String sha256, String group, String id) {
    }

    public BuiltPackage build(PackageContent content) {
        if (content.records().isEmpty()) {
            throw new IllegalArgumentException("nothing to deliver: no records in " + content.period());
        }
        String objid = content.packageId().toString();
        String account = content.platform() + "/" + content.accountId();
        String created = time(content.createdAt());

        List<PackageFile> data = new ArrayList<>();
        Map<String, List<StoredRecord>> threads = new LinkedHashMap<>();
        content.records().stream()
                .sorted(Comparator.comparing((StoredRecord r) -> r.versions().get(0).receivedAt())
                        .thenComparing(StoredRecord::commentKey))
                .forEach(r -> threads.computeIfAbsent(r.latest().threadKey(), k -> new ArrayList<>()).add(r));

        Map<String, String> threadFiles = new LinkedHashMap<>();
        for (Map.Entry<String, List<StoredRecord>> thread : threads.entrySet()) {
            byte[] pdf = renderer.renderThread(account, thread.getKey(), content.period().toString(),
                    thread.getValue(), content.createdAt());
            String path = "representations/rep1/data/threads/thread-" + safe(thread.getKey()) + ".pdf";
            threadFiles.put(thread.getKey(), path);
            data.add(file(path, "application/pdf", pdf, "rep1"));
        }

        ArrayNode index = json.createArrayNode();
        int versions = 0;
        for (StoredRecord record : content.records()) {
            for (StoredVersion v : record.versions()) {
                versions++;
                String sha = RawIntegrity.sha256Hex(v.rawFragment());
                if (!sha.equalsIgnoreCase(v.rawFragmentSha256())) {
                    throw new IllegalStateException("record version " + v.id() + " does not match its stored SHA-256");
                }
                String path = "representations/rep1/data/originals/" + safe(record.commentKey()) + "/v" + v.version()
                        + ".json";
                data.add(file(path, "application/json", v.rawFragment(), "rep1"));
                ObjectNode row = index.addObject();
                row.put("commentKey", record.commentKey());
                row.put("version", v.version());
                row.put("verb", v.verb());
                row.put("platform", v.platform());
                row.put("accountId", v.accountId());
                row.put("commentId", v.commentId());
                row.put("postId", v.postId());
                row.put("parentId", v.parentId());
                row.put("authorName", v.authorName());
                row.put("text", v.text());
                row.put("permalink", v.permalink());
                row.put("createdAt", v.createdAt() == null ? null : v.createdAt().toString());
                row.put("receivedAt", v.receivedAt().toString());
                row.put("contentType", v.contentType());
                row.put("rawFragmentSha256", v.rawFragmentSha256());
                row.put("original", path);
                row.put("threadSnapshot", threadFiles.get(record.latest().threadKey()));
            }
        }
        try {
            data.add(file("representations/rep1/data/records.json", "application/json",
                    json.writeValueAsBytes(index), "rep1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        for (PackageContent.EvidenceFile e : content.evidence()) {
            if (!RawIntegrity.sha256Hex(e.content()).equalsIgnoreCase(e.sha256())) {
                throw new IllegalStateException("evidence " + e.evidenceId() + " does not match its stored SHA-256");
            }
            String extension = "image/png".equals(e.mediaType()) ? "png" : "pdf";
            data.add(file("representations/rep2/data/evidence/" + safe(e.commentKey()) + "/" + e.evidenceId() + "."
                    + extension, e.mediaType(), e.content(), "rep2"));
        }

        PackageFile dc = file("metadata/descriptive/dc.xml", "text/xml",
                dublinCore(content, objid, threads.size(), versions), "metadata");
        PackageFile premis = file("metadata/preservation/premis.xml", "text/xml", premis(content, data, created),
                "metadata");
        byte[] mets = mets(content, objid, created, dc, premis, data);

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        int files = 0;
        try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            List<PackageFile> all = new ArrayList<>();
            all.add(new PackageFile("METS.xml", "text/xml", mets, RawIntegrity.sha256Hex(mets), "root", "mets"));
            all.add(dc);
            all.add(premis);
            all.addAll(data);
            for (PackageFile f : all) {
                ZipEntry entry = new ZipEntry(objid + "/" + f.path());
                entry.setLastModifiedTime(FileTime.from(content.createdAt()));
                out.putNextEntry(entry);
                out.write(f.content());
                out.closeEntry();
                files++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = zip.toByteArray();
        return new BuiltPackage(objid, bytes, RawIntegrity.sha256Hex(bytes), files, content.records().size(), versions,
                threads.size(), content.evidence().size());
    }

    private PackageFile file(String path, String mimeType, byte[] content, String group) {
        return new PackageFile(path, mimeType, content, RawIntegrity.sha256Hex(content), group,
                "file-" + RawIntegrity.sha256Hex(path.getBytes(StandardCharsets.UTF_8)).substring(0, 16));
    }

    private byte[] mets(PackageContent content, String objid, String created, PackageFile dc, PackageFile premis,
            List<PackageFile> data) {
        return xml(w -> {
            w.writeStartElement("mets", "mets", METS);
            w.writeNamespace("mets", METS);
            w.writeNamespace("csip", CSIP);
            w.writeNamespace("sip", SIP);
            w.writeNamespace("xlink", XLINK);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute("OBJID", objid);
            w.writeAttribute("LABEL", "Kommentarer på " + content.platform() + "/" + content.accountId() + ", "
                    + content.period());
            w.writeAttribute("TYPE", "Mixed");
            w.writeAttribute("csip", CSIP, "CONTENTINFORMATIONTYPE", "MIXED");
            w.writeAttribute("PROFILE", SIP_PROFILE);
            w.writeAttribute("xsi", XSI, "schemaLocation", METS + " http://www.loc.gov/standards/mets/mets.xsd "
                    + XLINK + " http://www.loc.gov/standards/mets/xlink.xsd "
                    + CSIP + " https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd "
                    + SIP + " https://earksip.dilcis.eu/schema/DILCISExtensionSIPMETS.xsd");

            w.writeStartElement("mets", "metsHdr", METS);
            w.writeAttribute("CREATEDATE", created);
            w.writeAttribute("LASTMODDATE", created);
            w.writeAttribute("RECORDSTATUS", "NEW");
            w.writeAttribute("csip", CSIP, "OAISPACKAGETYPE", "SIP");
            agent(w, "CREATOR", "OTHER", "SOFTWARE", null, SOFTWARE, SOFTWARE_VERSION);
            agent(w, "ARCHIVIST", "ORGANIZATION", null, null, content.organisation(), null);
            agent(w, "OTHER", "INDIVIDUAL", null, "SUBMITTER", content.submitter(), null);
            agent(w, "PRESERVATION", "ORGANIZATION", null, null, content.recipient(), null);
            w.writeEndElement();

            w.writeStartElement("mets", "dmdSec", METS);
            w.writeAttribute("ID", "dmd-dc");
            w.writeAttribute("CREATED", created);
            w.writeAttribute("STATUS", "CURRENT");
            mdRef(w, dc, "DC", created);
            w.writeEndElement();

            w.writeStartElement("mets", "amdSec", METS);
            w.writeStartElement("mets", "digiprovMD", METS);
            w.writeAttribute("ID", "digiprov-premis");
            w.writeAttribute("CREATED", created);
            w.writeAttribute("STATUS", "CURRENT");
            mdRef(w, premis, "PREMIS", created);
            w.writeEndElement();
            w.writeEndElement();

            w.writeStartElement("mets", "fileSec", METS);
            w.writeAttribute("ID", "filesec");
            List<String> groups = data.stream().map(PackageFile::group).distinct().toList();
            for (String group : groups) {
                w.writeStartElement("mets", "fileGrp", METS);
                w.writeAttribute("ID", "grp-" + group);
                w.writeAttribute("USE", "Representations/" + group);
                for (PackageFile f : data.stream().filter(f -> f.group().equals(group)).toList()) {
                    w.writeStartElement("mets", "file", METS);
                    w.writeAttribute("ID", f.id());
                    w.writeAttribute("MIMETYPE", f.mimeType());
                    w.writeAttribute("SIZE", Long.toString(f.content().length));
                    w.writeAttribute("CREATED", created);
                    w.writeAttribute("CHECKSUM", f.sha256());
                    w.writeAttribute("CHECKSUMTYPE", "SHA-256");
                    w.writeEmptyElement("mets", "FLocat", METS);
                    w.writeAttribute("LOCTYPE", "URL");
                    w.writeAttribute("xlink", XLINK, "type", "simple");
                    w.writeAttribute("xlink", XLINK, "href", f.path());
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();

            w.writeStartElement("mets", "structMap", METS);
            w.writeAttribute("ID", "structmap-csip");
            w.writeAttribute("TYPE", "PHYSICAL");
            w.writeAttribute("LABEL", "CSIP");
            w.writeStartElement("mets", "div", METS);
            w.writeAttribute("ID", "div-root");
            w.writeAttribute("LABEL", objid);
            w.writeEmptyElement("mets", "div", METS);
            w.writeAttribute("ID", "div-metadata");
            w.writeAttribute("LABEL", "Metadata");
            w.writeAttribute("DMDID", "dmd-dc");
            w.writeAttribute("ADMID", "digiprov-premis");
            for (String group : groups) {
                w.writeStartElement("mets", "div", METS);
                w.writeAttribute("ID", "div-" + group);
                w.writeAttribute("LABEL", "Representations/" + group);
                w.writeEmptyElement("mets", "fptr", METS);
                w.writeAttribute("FILEID", "grp-" + group);
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private static void agent(XMLStreamWriter w, String role, String type, String otherType, String otherRole,
            String name, String softwareVersion) throws XMLStreamException {
        w.writeStartElement("mets", "agent", METS);
        w.writeAttribute("ROLE", role);
        if (otherRole != null) {
            w.writeAttribute("OTHERROLE", otherRole);
        }
        w.writeAttribute("TYPE", type);
        if (otherType != null) {
            w.writeAttribute("OTHERTYPE", otherType);
        }
        w.writeStartElement("mets", "name", METS);
        w.writeCharacters(name);
        w.writeEndElement();
        if (softwareVersion != null) {
            w.writeStartElement("mets", "note", METS);
            w.writeAttribute("csip", CSIP, "NOTETYPE", "SOFTWARE VERSION");
            w.writeCharacters(softwareVersion);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void mdRef(XMLStreamWriter w, PackageFile f, String mdType, String created)
            throws XMLStreamException {
        w.writeEmptyElement("mets", "mdRef", METS);
        w.writeAttribute("LOCTYPE", "URL");
        w.writeAttribute("xlink", XLINK, "type", "simple");
        w.writeAttribute("xlink", XLINK, "href", f.path());
        w.writeAttribute("MDTYPE", mdType);
        w.writeAttribute("MIMETYPE", f.mimeType());
        w.writeAttribute("SIZE", Long.toString(f.content().length));
        w.writeAttribute("CREATED", created);
        w.writeAttribute("CHECKSUM", f.sha256());
        w.writeAttribute("CHECKSUMTYPE", "SHA-256");
    }

    private byte[] dublinCore(PackageContent content, String objid, int threads, int versions) {
        String oaiDc = "http://www.openarchives.org/OAI/2.0/oai_dc/";
        String dc = "http://purl.org/dc/elements/1.1/";
        return xml(w -> {
            w.writeStartElement("oai_dc", "dc", oaiDc);
            w.writeNamespace("oai_dc", oaiDc);
            w.writeNamespace("dc", dc);
            element(w, "dc", dc, "identifier", objid);
            element(w, "dc", dc, "title", "Kommentarer till " + content.organisation() + " på " + content.platform()
                    + "-kontot " + content.accountId() + ", " + content.period());
            element(w, "dc", dc, "creator", content.organisation());
            element(w, "dc", dc, "date", time(content.periodStart()) + "/" + time(content.periodEnd()));
            element(w, "dc", dc, "description", content.records().size() + " kommentarer (" + versions
                    + " versioner) i " + threads + " trådar, mottagna " + content.period()
                    + ", med ögonblicksbilder (PDF/A) per tråd, originalen som de togs emot (JSON) och "
                    + content.evidence().size() + " bevisexemplar. Gallrat innehåll ingår inte.");
            element(w, "dc", dc, "type", "Text");
            element(w, "dc", dc, "format", "application/pdf");
            element(w, "dc", dc, "format", "application/json");
            if (!content.evidence().isEmpty()) {
                element(w, "dc", dc, "format", "image/png");
            }
            element(w, "dc", dc, "language", "sv");
            element(w, "dc", dc, "source", content.platform() + ":" + content.accountId());
            element(w, "dc", dc, "rights", "Allmänna handlingar (TF 2 kap.). Kan innehålla uppgifter som omfattas"
                    + " av sekretess enligt OSL; pröva före utlämnande.");
            w.writeEndElement();
        });
    }

    private byte[] premis(PackageContent content, List<PackageFile> data, String created) {
        return xml(w -> {
            w.writeStartElement("premis", "premis", PREMIS);
            w.writeNamespace("premis", PREMIS);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute("version", "3.0");
            for (PackageFile f : data) {
                w.writeStartElement("premis", "object", PREMIS);
                w.writeAttribute("xsi", XSI, "type", "premis:file");
                w.writeStartElement("premis", "objectIdentifier", PREMIS);
                element(w, "premis", PREMIS, "objectIdentifierType", "local");
                element(w, "premis", PREMIS, "objectIdentifierValue", f.path());
                w.writeEndElement();
                w.writeStartElement("premis", "objectCharacteristics", PREMIS);
                element(w, "premis", PREMIS, "compositionLevel", "0");
                w.writeStartElement("premis", "fixity", PREMIS);
                element(w, "premis", PREMIS, "messageDigestAlgorithm", "SHA-256");
                element(w, "premis", PREMIS, "messageDigest", f.sha256());
                element(w, "premis", PREMIS, "messageDigestOriginator", SOFTWARE);
                w.writeEndElement();
                element(w, "premis", PREMIS, "size", Long.toString(f.content().length));
                w.writeStartElement("premis", "format", PREMIS);
                w.writeStartElement("premis", "formatDesignation", PREMIS);
                element(w, "premis", PREMIS, "formatName", formatName(f.mimeType(), f.path()));
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }
            for (StoredRecord record : content.records()) {
                for (StoredVersion v : record.versions()) {
                    event(w, "ingestion-" + v.id(), "ingestion", time(v.receivedAt()),
                            "version " + v.version() + " of " + record.commentKey() + " received (" + v.verb() + ")",
                            "representations/rep1/data/originals/" + safe(record.commentKey()) + "/v" + v.version()
                                    + ".json");
                }
            }
            event(w, "creation-" + content.packageId(), "creation", created,
                    "SIP built for " + content.platform() + "/" + content.accountId() + " " + content.period(), null);
            w.writeStartElement("premis", "agent", PREMIS);
            w.writeStartElement("premis", "agentIdentifier", PREMIS);
            element(w, "premis", PREMIS, "agentIdentifierType", "local");
            element(w, "premis", PREMIS, "agentIdentifierValue", SOFTWARE);
            w.writeEndElement();
            element(w, "premis", PREMIS, "agentName", SOFTWARE + " " + SOFTWARE_VERSION);
            element(w, "premis", PREMIS, "agentType", "software");
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private static void event(XMLStreamWriter w, String id, String type, String when, String detail, String object)
            throws XMLStreamException {
        w.writeStartElement("premis", "event", PREMIS);
        w.writeStartElement("premis", "eventIdentifier", PREMIS);
        element(w, "premis", PREMIS, "eventIdentifierType", "local");
        element(w, "premis", PREMIS, "eventIdentifierValue", id);
        w.writeEndElement();
        element(w, "premis", PREMIS, "eventType", type);
        element(w, "premis", PREMIS, "eventDateTime", when);
        w.writeStartElement("premis", "eventDetailInformation", PREMIS);
        element(w, "premis", PREMIS, "eventDetail", detail);
        w.writeEndElement();
        w.writeStartElement("premis", "linkingAgentIdentifier", PREMIS);
        element(w, "premis", PREMIS, "linkingAgentIdentifierType", "local");
        element(w, "premis", PREMIS, "linkingAgentIdentifierValue", SOFTWARE);
        w.writeEndElement();
        if (object != null) {
            w.writeStartElement("premis", "linkingObjectIdentifier", PREMIS);
            element(w, "premis", PREMIS, "linkingObjectIdentifierType", "local");
            element(w, "premis", PREMIS, "linkingObjectIdentifierValue", object);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static String formatName(String mimeType, String path) {
        if (path.contains("/threads/") || (mimeType.equals("application/pdf") && path.contains("/evidence/"))) {
            return "PDF/A-2b";
        }
        return switch (mimeType) {
            case "image/png" -> "Portable Network Graphics";
            case "application/json" -> "JSON";
            default -> mimeType;
        };
    }

    private static void element(XMLStreamWriter w, String prefix, String ns, String name, String text)
            throws XMLStreamException {
        w.writeStartElement(prefix, name, ns);
        w.writeCharacters(text == null ? "" : text);
        w.writeEndElement();
    }

    @FunctionalInterface
    private interface XmlBody {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static byte[] xml(XmlBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
        return out.toByteArray();
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A file-name-safe form of a key that stays unique (a short hash of the key is appended). */
    static String safe(String key) {
        return key.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + RawIntegrity.sha256Hex(key.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }
}
