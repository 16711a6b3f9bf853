package se.kommun.moderation.classification.domain.normalize;

import java.util.Arrays;

/**
 * A growing text in which every char remembers the span of the original text it came from. Each
 * normalization step reads one and writes the next, so offsets survive any number of steps.
 */
final class MappedText {

    private char[] chars;
    private int[] starts;
    private int[] ends;
    private int length;

    MappedText(int capacity) {
        int size = Math.max(16, capacity);
        chars = new char[size];
        starts = new int[size];
        ends = new int[size];
    }

    /** The original text itself, each char mapped to itself. */
    static MappedText identity(String text) {
        MappedText mapped = new MappedText(text.length());
        for (int i = 0; i < text.length(); i++) {
            mapped.append(text.charAt(i), i, i + 1);
        }
        return mapped;
    }

    /** Empties the text for reuse, keeping its arrays. */
    MappedText reset() {
        length = 0;
        return this;
    }

    /** Makes room for {@code capacity} chars, so that the appends of one step never grow the arrays. */
    MappedText ensureCapacity(int capacity) {
        if (capacity > chars.length) {
            chars = Arrays.copyOf(chars, capacity);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
        }
        return this;
    }

    void append(char c, int originalStart, int originalEnd) {
        if (length == chars.length) {
            int size = length * 2;
            chars = Arrays.copyOf(chars, size);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
        }
        chars[length] = c;
        starts[length] = originalStart;
        ends[length] = originalEnd;
        length++;
    }

    /** Appends char {@code index} of {@code source} with its mapping unchanged. */
    void copy(MappedText source, int index) {
        append(source.chars[index], source.starts[index], source.ends[index]);
    }

    /** Appends {@code c} standing for chars {@code from..to-1} of {@code source}. */
    void appendSpanning(char c, MappedText source, int from, int to) {
        append(c, source.starts[from], source.ends[to - 1]);
    }

    /** Widens the last char's original span to end where char {@code index} of {@code source} ends. */
    void extendLast(MappedText source, int index) {
        ends[length - 1] = source.ends[index];
    }

    int length() {
        return length;
    }

    char charAt(int index) {
        return chars[index];
    }

    NormalizedText toNormalized(String original) {
        return new NormalizedText(original, Arrays.copyOf(chars, length), Arrays.copyOf(starts, length),
                Arrays.copyOf(ends, length));
    }
}
