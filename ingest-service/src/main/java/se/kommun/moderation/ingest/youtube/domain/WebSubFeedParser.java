package se.kommun.moderation.ingest.youtube.domain;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads which channels a WebSub notification (an Atom feed, domain.md §5.2) is about. A video event
 * names its channel in {@code <yt:channelId>}; a deletion ({@code <at:deleted-entry>}) only in the
 * channel URL of {@code <at:by><uri>}, and the feed's {@code <link rel="self">} is the topic. All three
 * are read. DTDs and external entities are refused: the body comes from the network.
 */
public final class WebSubFeedParser {

    static final String YT_NAMESPACE = "http://www.youtube.com/xml/schemas/2015";

    private static final Pattern CHANNEL_URL = Pattern.compile("https?://(?:www\\.)?youtube\\.com/channel/([\\w-]+)/?");

    private final XMLInputFactory factory;

    public WebSubFeedParser() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    /** The channel ids the notification mentions, in document order; empty if it names none. */
    public Set<String> channelIds(byte[] atom) throws MalformedResponseException {
        Set<String> channels = new LinkedHashSet<>();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(atom));
            try {
                while (reader.hasNext()) {
                    if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = reader.getLocalName();
                    if ("channelId".equals(name) && YT_NAMESPACE.equals(reader.getNamespaceURI())) {
                        addIfPresent(channels, reader.getElementText().trim());
                    } else if ("link".equals(name) && "self".equals(reader.getAttributeValue(null, "rel"))) {
                        WebSubTopics.channelOf(reader.getAttributeValue(null, "href")).ifPresent(channels::add);
                    } else if ("uri".equals(name)) {
                        Matcher channelUrl = CHANNEL_URL.matcher(reader.getElementText().trim());
                        if (channelUrl.matches()) {
                            channels.add(channelUrl.group(1));
                        }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new MalformedResponseException("the notification is not well-formed XML", e);
        }
        return channels;
    }

    private static void addIfPresent(Set<String> channels, String channelId) {
        if (!channelId.isEmpty()) {
            channels.add(channelId);
        }
    }
}
