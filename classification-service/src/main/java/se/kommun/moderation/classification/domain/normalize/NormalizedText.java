package se.kommun.moderation.classification.domain.normalize;

/**
 * A comment in its matching form ({@link #text()}: folded, lower case, de-obfuscated) together with
 * the map back to the original. Detectors match on the folded text and report spans in the
 * original, because a moderator must see exactly what the writer wrote.
 */
public final class NormalizedText {

    private final String original;
    private final String text;
    private final char[] chars;
    private final int[] originalStarts;
    private final int[] originalEnds;

    NormalizedText(String original, char[] chars, int[] originalStarts, int[] originalEnds) {
        this.original = original;
        this.text = new String(chars);
        this.chars = chars;
        this.originalStarts = originalStarts;
        this.originalEnds = originalEnds;
    }

    public String original() {
        return original;
    }

    /** The folded text that lexicons are matched against. */
    public String text() {
        return text;
    }

    /** The folded text as chars, for the matchers' inner loops (no bounds checks on a String). */
    public char[] chars() {
        return chars;
    }

    /** Original offset (inclusive) where folded char {@code index} begins. */
    public int originalStart(int index) {
        if (text.isEmpty()) {
            return 0;
        }
        return index >= text.length() ? original.length() : originalStarts[index];
    }

    /** Original offset (exclusive) where the folded span ending (exclusive) at {@code end} ends. */
    public int originalEnd(int end) {
        if (end <= 0) {
            return 0;
        }
        return originalEnds[Math.min(end, text.length()) - 1];
    }
}
