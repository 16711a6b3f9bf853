package se.kommun.moderation.classification.domain.normalize;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step 1: Unicode NFKC, lower case, removal of zero-width and other format characters (an attacker
 * hides them inside "sp&#8203;ränga"), and folding of Cyrillic and Greek look-alikes to Latin
 * ("knіvhugga" with a Cyrillic і). A base character and its combining marks are normalized together
 * so "o" + U+0308 becomes "ö" and keeps the span of both.
 */
final class UnicodeFolding {

    private UnicodeFolding() {
    }

    /** Writes the folded form of {@code original} into {@code out} (emptied first) and returns it. */
    static MappedText apply(String original, MappedText out) {
        out.reset().ensureCapacity(original.length() + 8);
        int i = 0;
        int n = original.length();
        while (i < n) {
            char c = original.charAt(i);
            if (c < 0x80) {
                // ASCII fast path: most of every comment.
                if (c == '\n' || c == '\r') {
                    out.append('\n', i, i + 1);
                } else if (c == '\t' || c == '\f' || c == 0x0B) {
                    out.append(' ', i, i + 1);
                } else if (c >= 'A' && c <= 'Z') {
                    out.append((char) (c + 32), i, i + 1);
                } else if (c >= 0x20) {
                    out.append(c, i, i + 1);
                }
                i++;
                continue;
            }
            if (isPlainLetter(c) && (i + 1 >= n || original.charAt(i + 1) < 0x300)) {
                // å, ä, ö, é… without a combining mark after them: only lower case is needed
                out.append(Character.toLowerCase(c), i, i + 1);
                i++;
                continue;
            }
            int cp = original.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (isInvisible(cp)) {
                i = end;
                continue;
            }
            // Collect the combining marks that belong to this base character.
            while (end < n) {
                int next = original.codePointAt(end);
                if (!isCombiningMark(next) && !isInvisible(next)) {
                    break;
                }
                end += Character.charCount(next);
            }
            String folded;
            if (isPlainLetter(cp) && end - i == 1) {
                folded = String.valueOf(Character.toLowerCase(c));
            } else if (end - i == Character.charCount(cp)) {
                folded = foldAlone(cp); // an emoji, a dash, a letter of another script: alone, no marks
            } else {
                folded = fold(original.substring(i, end));
            }
            for (int k = 0; k < folded.length(); k++) {
                char f = folded.charAt(k);
                if (isCombiningMark(f) || isInvisible(f)) {
                    continue; // a mark NFKC could not compose (e.g. on an emoji): meaningless for matching
                }
                if (Character.isWhitespace(f) || Character.isSpaceChar(f)) {
                    out.append(f == '\n' || f == 0x2028 || f == 0x2029 ? '\n' : ' ', i, end);
                } else {
                    out.append(Homoglyphs.fold(f), i, end);
                }
            }
            i = end;
        }
        return out;
    }

    private static String fold(String cluster) {
        return Normalizer.normalize(stripInvisible(cluster), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * The fold of one code point that stands alone, remembered: the same emoji and dashes come back in
     * comment after comment, and NFKC is the slow part. The answer is a pure function of the code point;
     * the memo is bounded so that a flood of rare characters cannot grow it without end.
     */
    private static String foldAlone(int cp) {
        String folded = ALONE.get(cp);
        if (folded == null) {
            folded = fold(new String(Character.toChars(cp)));
            if (ALONE.size() < MAX_REMEMBERED) {
                ALONE.put(cp, folded);
            }
        }
        return folded;
    }

    private static final int MAX_REMEMBERED = 4096;
    private static final Map<Integer, String> ALONE = new ConcurrentHashMap<>();

    /** Latin-1 letters (å, ä, ö, é…) that need no normalization beyond lower case. */
    private static boolean isPlainLetter(int cp) {
        return cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7;
    }

    private static boolean isCombiningMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** Zero-width, bidi and other format characters, variation selectors and the soft hyphen. */
    static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF)
                || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0;
    }

    private static String stripInvisible(String cluster) {
        StringBuilder kept = new StringBuilder(cluster.length());
        cluster.codePoints().filter(cp -> !isInvisible(cp)).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
