package se.kommun.moderation.ingest.youtube.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.ingest.youtube.domain.WebSubSignature.Verdict;

class YouTubeWebSubTest {

    private static final String SECRET = "hub-secret";

    /** The video-feed notification as documented (domain.md §5.2), with a non-ASCII title. */
    static final String NOTIFICATION = """
            <feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns="http://www.w3.org/2005/Atom">
              <link rel="hub" href="https://pubsubhubbub.appspot.com"/>
              <link rel="self" href="https://www.youtube.com/xml/feeds/videos.xml?channel_id=UCkommun"/>
              <title>YouTube video feed</title>
              <updated>2015-04-01T19:05:24.552394234+00:00</updated>
              <entry>
                <id>yt:video:VIDEO_ID</id>
                <yt:videoId>VIDEO_ID</yt:videoId>
                <yt:channelId>UCkommun</yt:channelId>
                <title>Budgeten för Örebro 2027</title>
                <link rel="alternate" href="http://www.youtube.com/watch?v=VIDEO_ID"/>
                <author><name>Kommunen</name><uri>http://www.youtube.com/channel/UCkommun</uri></author>
                <published>2015-03-06T21:40:57+00:00</published>
                <updated>2015-03-09T19:05:24.552394234+00:00</updated>
              </entry>
            </feed>
            """;

    /** Computed here with the JDK directly, not through the code under test. */
    private static String hmac(String algorithm, String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void acceptsTheHubsSha1SignatureOverTheRawBytes() throws Exception {
        byte[] body = NOTIFICATION.getBytes(StandardCharsets.UTF_8);

        assertThat(WebSubSignature.check("sha1=" + hmac("HmacSHA1", SECRET, body), SECRET, body))
                .isEqualTo(Verdict.VALID);
        assertThat(WebSubSignature.check("SHA1=" + hmac("HmacSHA1", SECRET, body).toUpperCase(), SECRET, body))
                .isEqualTo(Verdict.VALID);
        assertThat(WebSubSignature.check("sha256=" + hmac("HmacSHA256", SECRET, body), SECRET, body))
                .as("W3C WebSub's other methods").isEqualTo(Verdict.VALID);
    }

    @Test
    void refusesMissingWrongAndMalformedSignatures() throws Exception {
        byte[] body = NOTIFICATION.getBytes(StandardCharsets.UTF_8);
        String right = hmac("HmacSHA1", SECRET, body);

        assertThat(WebSubSignature.check(null, SECRET, body)).isEqualTo(Verdict.MISSING);
        assertThat(WebSubSignature.check(" ", SECRET, body)).isEqualTo(Verdict.MISSING);
        assertThat(WebSubSignature.check("sha1=" + hmac("HmacSHA1", "other", body), SECRET, body))
                .isEqualTo(Verdict.INVALID);
        assertThat(WebSubSignature.check("sha1=" + right, SECRET, (NOTIFICATION + " ").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Verdict.INVALID);
        assertThat(WebSubSignature.check("md5=" + right, SECRET, body)).isEqualTo(Verdict.INVALID);
        assertThat(WebSubSignature.check("sha1=xyz", SECRET, body)).isEqualTo(Verdict.INVALID);
        assertThat(WebSubSignature.check(right, SECRET, body)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void readsTheChannelOfAVideoNotification() throws Exception {
        assertThat(new WebSubFeedParser().channelIds(NOTIFICATION.getBytes(StandardCharsets.UTF_8)))
                .containsExactly("UCkommun");
    }

    @Test
    void readsTheChannelOfADeletionFromItsAuthorUri() throws Exception {
        String deleted = """
                <feed xmlns:at="http://purl.org/atompub/tombstones/1.0" xmlns="http://www.w3.org/2005/Atom">
                  <at:deleted-entry ref="yt:video:VIDEO_ID" when="2015-03-09T19:05:24+00:00">
                    <link href="https://www.youtube.com/watch?v=VIDEO_ID"/>
                    <at:by><name>Kommunen</name><uri>https://www.youtube.com/channel/UC-deleted_1</uri></at:by>
                  </at:deleted-entry>
                </feed>
                """;

        assertThat(new WebSubFeedParser().channelIds(deleted.getBytes(StandardCharsets.UTF_8)))
                .containsExactly("UC-deleted_1");
    }

    @Test
    void refusesDoctypesAndExternalEntities() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <feed xmlns:yt="http://www.youtube.com/xml/schemas/2015"><yt:channelId>&x;</yt:channelId></feed>
                """;

        assertThatThrownBy(() -> new WebSubFeedParser().channelIds(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void refusesBodiesThatAreNotXml() {
        assertThatThrownBy(() -> new WebSubFeedParser().channelIds("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void knowsAChannelsFeedUrlAndReadsItBack() {
        assertThat(WebSubTopics.feedUrl("UCkommun"))
                .isEqualTo("https://www.youtube.com/xml/feeds/videos.xml?channel_id=UCkommun");
        assertThat(WebSubTopics.channelOf("https://www.youtube.com/xml/feeds/videos.xml?channel_id=UCkommun"))
                .contains("UCkommun");
        assertThat(WebSubTopics.channelOf("http://youtube.com/xml/feeds/videos.xml?foo=1&channel_id=UCx")).contains("UCx");
        assertThat(WebSubTopics.channelOf("https://evil.example/xml/feeds/videos.xml?channel_id=UCkommun")).isEmpty();
        assertThat(WebSubTopics.channelOf("https://www.youtube.com/other?channel_id=UCkommun")).isEmpty();
        assertThat(WebSubTopics.channelOf("https://www.youtube.com/xml/feeds/videos.xml?playlist_id=P")).isEmpty();
        assertThat(WebSubTopics.channelOf("not a url at all")).isEmpty();
        assertThat(WebSubTopics.channelOf(null)).isEmpty();
    }
}
