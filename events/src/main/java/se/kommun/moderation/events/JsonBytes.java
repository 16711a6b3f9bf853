package se.kommun.moderation.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * A growable UTF-8 buffer that writes JSON values exactly as the codec's Jackson generator writes
 * them, for the hand-written {@link CommentReceivedJson}.
 *
 * <p>Strings are escaped as Jackson 2's {@code UTF8JsonGenerator} escapes them by default:
 * {@code "} and {@code \} with a backslash; the controls below U+0020 as {@code \b \t \n \f \r}
 * or else a backslash, {@code u} and four hex digits; every surrogate (paired or not) in that hex
 * form too, upper case; all else as plain UTF-8. {@code CommentReceivedJsonTest} holds this to Jackson's output for every char.
 */
final class JsonBytes {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    /** Per ASCII char: 0 when written as it is, else the letter after the backslash ('u': the four-hex-digit form). */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private byte[] buffer;
    private int length;

    JsonBytes(int capacity) {
        buffer = new byte[capacity];
    }

    /** Pre-encoded JSON (field names and punctuation), written as it is. */
    static byte[] ascii(String json) {
        return json.getBytes(StandardCharsets.US_ASCII);
    }

    JsonBytes raw(byte[] json) {
        ensure(json.length);
        System.arraycopy(json, 0, buffer, length, json.length);
        length += json.length;
        return this;
    }

    JsonBytes raw(char json) {
        ensure(1);
        buffer[length++] = (byte) json;
        return this;
    }

    JsonBytes number(int value) {
        return raw(ascii(Integer.toString(value)));
    }

    /** A JSON string, or {@code null}. */
    JsonBytes string(String value) {
        if (value == null) {
            return raw(NULL);
        }
        // Most strings of an event (ids, keys, hashes, links) are ASCII. The JDK's UTF-8 encoder copies
        // those in bulk, and a scan of the bytes is cheaper than a loop over charAt (JFR: half of this
        // writer's time went to that loop).
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length == value.length() && isPlainAscii(utf8, value)) {
            ensure(utf8.length + 2);
            buffer[length++] = '"';
            System.arraycopy(utf8, 0, buffer, length, utf8.length);
            length += utf8.length;
            buffer[length++] = '"';
            return this;
        }
        return escaped(value);
    }

    /**
     * Whether the bytes of a string that encoded to one byte per char are its chars as they are: no
     * char to escape, and no '?' that the encoder put in place of a lone surrogate. Eight bytes at a
     * time: a word with no byte that could matter (a control, a quote, a backslash, a '?' or a high
     * bit) is passed in a few operations; only a word with one is looked at byte by byte. The
     * byte-by-byte loop was the largest single item of the edge's profile at 50 comments a request.
     */
    static boolean isPlainAscii(byte[] utf8, String value) {
        int i = 0;
        for (int words = utf8.length - 7; i < words; i += 8) {
            if (mayNeedALook((long) LONGS.get(utf8, i)) && !isPlainAscii(utf8, value, i, i + 8)) {
                return false;
            }
        }
        return isPlainAscii(utf8, value, i, utf8.length);
    }

    private static boolean isPlainAscii(byte[] utf8, String value, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = utf8[i];
            if (b < 0 || ESCAPES[b] != 0 || b == '?' && value.charAt(i) != '?') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether any byte of the word is below 0x20, has its high bit set, or is '"', '\\' or '?'. The
     * classic SWAR tests: {@code (x - 0x01..) & ~x & 0x80..} is non-zero exactly when some byte of x
     * is zero, and {@code (x - n*0x01..) & ~x & 0x80..} when some byte below 0x80 is below n. May
     * answer yes for a word with none of them (a borrow across bytes); never no for one that has one.
     */
    private static boolean mayNeedALook(long word) {
        long controls = word - ONES * 0x20;
        long quotes = word ^ ONES * '"';
        long backslashes = word ^ ONES * '\\';
        long questionMarks = word ^ ONES * '?';
        long found = controls & ~word
                | (quotes - ONES) & ~quotes
                | (backslashes - ONES) & ~backslashes
                | (questionMarks - ONES) & ~questionMarks;
        return ((found | word) & HIGH_BITS) != 0;
    }

    private JsonBytes escaped(String value) {
        int chars = value.length();
        ensure(chars * 6 + 2); // the most any char takes: backslash, u, four hex digits
        byte[] out = buffer;
        int at = length;
        out[at++] = '"';
        for (int i = 0; i < chars; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                byte escape = ESCAPES[c];
                if (escape == 0) {
                    out[at++] = (byte) c;
                } else if (escape == 'u') {
                    at = unicodeEscape(out, at, c);
                } else {
                    out[at++] = '\\';
                    out[at++] = escape;
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                at = unicodeEscape(out, at, c);
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        out[at++] = '"';
        length = at;
        return this;
    }

    /** As the codec writes instants ({@link IsoInstants}), or {@code null}. */
    JsonBytes instant(Instant value) {
        if (value == null) {
            return raw(NULL);
        }
        ensure(IsoInstants.MAX_LENGTH + 2);
        buffer[length++] = '"';
        int written = IsoInstants.writeInto(value, buffer, length);
        if (written < 0) {
            length--; // outside 0000–9999: Instant's own form, escaped as any string
            return string(value.toString());
        }
        length += written;
        buffer[length++] = '"';
        return this;
    }

    /** Standard padded base64 in quotes; its alphabet needs no escaping. */
    JsonBytes base64(byte[] bytes) {
        byte[] encoded = Base64.getEncoder().encode(bytes);
        ensure(encoded.length + 2);
        buffer[length++] = '"';
        System.arraycopy(encoded, 0, buffer, length, encoded.length);
        length += encoded.length;
        buffer[length++] = '"';
        return this;
    }

    /** As {@link #string(String)}, copying the bytes the memo holds when it last saw this very object. */
    JsonBytes string(String value, Memo memo) {
        if (value != null && value == memo.value) {
            return raw(memo.json);
        }
        int start = length;
        string(value);
        memo.remember(value, buffer, start, length);
        return this;
    }

    /** As {@link #instant(Instant)}, copying the bytes the memo holds when it last saw this very object. */
    JsonBytes instant(Instant value, Memo memo) {
        if (value != null && value == memo.value) {
            return raw(memo.json);
        }
        int start = length;
        instant(value);
        memo.remember(value, buffer, start, length);
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }

    /**
     * The JSON of the value last written through it. Compared by identity, which is cheap and
     * enough: the values worth remembering are shared objects, and equal copies are simply written.
     */
    static final class Memo {

        private Object value;
        private byte[] json;

        private void remember(Object written, byte[] buffer, int start, int end) {
            value = written;
            json = Arrays.copyOfRange(buffer, start, end);
        }
    }

    private static int unicodeEscape(byte[] out, int at, char c) {
        out[at++] = '\\';
        out[at++] = 'u';
        out[at++] = HEX[c >> 12];
        out[at++] = HEX[(c >> 8) & 0xF];
        out[at++] = HEX[(c >> 4) & 0xF];
        out[at++] = HEX[c & 0xF];
        return at;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
