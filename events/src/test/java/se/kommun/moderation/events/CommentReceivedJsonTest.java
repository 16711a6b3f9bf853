package se.kommun.moderation.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hand-written writer against the codec's mapper, which defines the wire form. */
class CommentReceivedJsonTest {

    private final ObjectMapper mapper = EventCodec.instance().mapper();
    private final Random random = new Random(20261130);

    @Test
    void everyCharIsEscapedOrEncodedExactlyAsJacksonDoes() throws Exception {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String value = "a" + (char) c + "b";
            byte[] ours = new JsonBytes(8).string(value).toByteArray();
            assertThat(ours).as("U+%04X", c).isEqualTo(mapper.writeValueAsBytes(value));
        }
        for (String value : List.of("", "🙂", "x\uD83D\uDE42y", "\uD800", "\uDC00\uD800",
                "\\\"\u0000\u001F\u007F\u2028")) {
            // Bytes, not a String: Jackson's character writer leaves pairs as they are, its byte
            // writer escapes them.
            assertThat(new JsonBytes(1).string(value).toByteArray()).as(value)
                    .isEqualTo(mapper.writeValueAsBytes(value));
        }
    }

    /** The writer passes ASCII eight bytes at a time: every char that matters, at every place in a word and the tail. */
    @Test
    void aCharThatMattersIsFoundWhereverItStandsInALongerString() throws Exception {
        List<Character> chars = new ArrayList<>();
        for (char c = 0; c < 0x80; c++) {
            chars.add(c);
        }
        for (char c = Character.MIN_SURROGATE; c <= Character.MAX_SURROGATE; c++) {
            chars.add(c);
        }
        chars.addAll(List.of('\u00E4', '\u00FF', '\u20AC', '\uFFFF'));
        for (int length : new int[] {7, 8, 9, 16, 17, 24}) {
            for (int at = 0; at < length; at++) {
                for (char c : chars) {
                    char[] value = new char[length];
                    Arrays.fill(value, 'x');
                    value[at] = c;
                    String string = new String(value);
                    assertThat(new JsonBytes(4).string(string).toByteArray()).as("U+%04X at %d of %d", (int) c, at, length)
                            .isEqualTo(mapper.writeValueAsBytes(string));
                }
            }
        }
    }

    @Test
    void aPlainAsciiStringIsRecognisedWithCharsNextToEveryBoundary() {
        // Bytes just below and above those the word test looks for: a borrow must not hide one.
        String neighbours = " !#>@[]^_`~\u007F\u001F\"\\?";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                value.append(neighbours.charAt(random.nextInt(neighbours.length())));
            }
            String string = value.toString();
            byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
            boolean plain = string.chars().allMatch(c -> c >= 0x20 && c < 0x80 && c != '"' && c != '\\');
            assertThat(JsonBytes.isPlainAscii(utf8, string)).as(string).isEqualTo(plain);
        }
    }

    @Test
    void generatedEventsAreWrittenByteForByteAsTheMapperWritesThem() throws Exception {
        for (int i = 0; i < 5_000; i++) {
            EventEnvelope<CommentReceived> event = randomEvent();
            byte[] expected = mapper.writeValueAsBytes(event);
            byte[] ours = new CommentReceivedJson().write(event);
            if (!Arrays.equals(ours, expected)) {
                assertThat(new String(ours, StandardCharsets.UTF_8)).as("event %d", i)
                        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
                assertThat(ours).as("event %d, bytes", i).isEqualTo(expected);
            }
        }
    }

    @Test
    void theCodecWritesCommentsWithItAndReadsThemBack() throws Exception {
        EventCodec codec = EventCodec.instance();
        for (int i = 0; i < 200; i++) {
            EventEnvelope<CommentReceived> generated = randomEvent();
            EventEnvelope<CommentReceived> event = new EventEnvelope<>(generated.eventId(), "CommentReceived", 1,
                    generated.occurredAt(), generated.commentKey(), generated.producer(), generated.payload());
            byte[] bytes = codec.encodeToBytes(event);
            assertThat(bytes).isEqualTo(mapper.writeValueAsBytes(event));
            assertThat(codec.decode(bytes, CommentReceived.class)).isEqualTo(event);
        }
    }

    /**
     * A delivery's comments share objects (the body hash, the receipt time, the page), which the
     * writer encodes once; values that change between events, nulls among them, must not be mixed up.
     */
    @Test
    void aGroupSharingSomeValuesIsWrittenAsEachEventAlone() throws Exception {
        List<EventEnvelope<CommentReceived>> group = new ArrayList<>();
        EventEnvelope<CommentReceived> shared = randomEvent();
        for (int i = 0; i < 300; i++) {
            if (i % 7 == 0) {
                shared = randomEvent();
            }
            EventEnvelope<CommentReceived> own = randomEvent();
            CommentReceived a = shared.payload();
            CommentReceived b = own.payload();
            boolean mix = random.nextBoolean();
            CommentReceived comment = new CommentReceived(a.platform(), mix ? a.accountId() : b.accountId(),
                    b.commentId(), mix ? b.postId() : a.postId(), b.parentId(), b.author(), b.text(), b.mediaRefs(),
                    b.permalink(), b.createdAt(), mix ? b.receivedAt() : a.receivedAt(), b.verb(), b.idempotencyKey(),
                    new RawPayload(a.raw().bodySha256(), mix ? a.raw().contentType() : b.raw().contentType(),
                            b.raw().fragment(), b.raw().fragmentSha256()));
            group.add(new EventEnvelope<>(own.eventId(), mix ? shared.type() : own.type(), own.version(),
                    mix ? shared.occurredAt() : own.occurredAt(), own.commentKey(), shared.producer(), comment));
        }

        List<byte[]> written = EventCodec.instance().encodeAllToBytes(group);

        assertThat(written).hasSameSizeAs(group);
        for (int i = 0; i < group.size(); i++) {
            assertThat(new String(written.get(i), StandardCharsets.UTF_8)).as("event %d", i)
                    .isEqualTo(new String(mapper.writeValueAsBytes(group.get(i)), StandardCharsets.UTF_8));
        }
    }

    /** A new, removed or reordered component must be written here too: this says so by name. */
    @Test
    void theContractsRecordsHaveTheComponentsThisWriterWrites() {
        assertThat(components(EventEnvelope.class))
                .containsExactly("eventId", "type", "version", "occurredAt", "commentKey", "producer", "payload");
        assertThat(components(CommentReceived.class)).containsExactly("platform", "accountId", "commentId",
                "postId", "parentId", "author", "text", "mediaRefs", "permalink", "createdAt", "receivedAt", "verb",
                "idempotencyKey", "raw");
        assertThat(components(Author.class)).containsExactly("id", "displayName");
        assertThat(components(RawPayload.class))
                .containsExactly("bodySha256", "contentType", "fragment", "fragmentSha256");
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private EventEnvelope<CommentReceived> randomEvent() {
        Author author = random.nextInt(10) == 0 ? null : new Author(maybe(text(12)), maybe(text(30)));
        List<String> media = new ArrayList<>();
        for (int m = random.nextInt(4); m > 0; m--) {
            media.add(text(40));
        }
        byte[] fragment = new byte[random.nextInt(600)];
        random.nextBytes(fragment);
        CommentReceived comment = new CommentReceived(Platform.values()[random.nextInt(Platform.values().length)],
                "acct" + random.nextInt(1000), text(20), maybe(text(20)), maybe(text(20)), author, text(300), media,
                maybe(text(80)), random.nextInt(5) == 0 ? null : instant(), instant(),
                Verb.values()[random.nextInt(Verb.values().length)], text(40),
                new RawPayload(text(64), maybe("application/json; charset=utf-8"), fragment, text(64)));
        return new EventEnvelope<>(UUID.randomUUID(), random.nextBoolean() ? "CommentReceived" : text(15),
                1 + random.nextInt(3), instant(), text(50), text(16), comment);
    }

    private <T> T maybe(T value) {
        return random.nextInt(4) == 0 ? null : value;
    }

    /** Mostly plain, with every kind of char the escaping treats differently mixed in. */
    private String text(int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(maxLength + 1); n > 0; n--) {
            int kind = random.nextInt(20);
            switch (kind) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append(random.nextBoolean() ? '"' : '\\');
                case 2 -> text.append((char) (0x80 + random.nextInt(0x780)));
                case 3 -> text.append((char) (0x800 + random.nextInt(0xD000)));
                case 4 -> text.append(random.nextBoolean() ? "🙂"
                        : String.valueOf((char) (0xD800 + random.nextInt(0x800))));
                case 5 -> text.append("åäöÅÄÖé");
                default -> text.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return text.toString();
    }

    private Instant instant() {
        return switch (random.nextInt(6)) {
            case 0 -> Instant.ofEpochSecond(random.nextLong() % 200_000_000_000L);
            case 1 -> Instant.ofEpochSecond(recent(), random.nextInt(1_000) * 1_000_000);
            case 2 -> Instant.ofEpochSecond(recent(), random.nextInt(1_000_000) * 1_000);
            case 3 -> random.nextBoolean() ? Instant.MAX : Instant.parse("+10000-01-01T00:00:00Z");
            default -> Instant.ofEpochSecond(recent(), random.nextInt(1_000_000_000));
        };
    }

    private long recent() {
        return 1_700_000_000L + random.nextInt(100_000_000);
    }
}
