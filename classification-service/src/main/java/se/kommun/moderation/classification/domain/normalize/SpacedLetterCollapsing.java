package se.kommun.moderation.classification.domain.normalize;

/**
 * Step 3: "j a g  s k a  d ö d a" → "jag ska döda". A run of at least three lone letters separated
 * by spaces (or dots, dashes, underscores) is joined; where the writer left a wider gap between two
 * letters than the narrowest one in the run, that gap is a word break. The run keeps to the
 * separator the writer chose: "k.u.l.a i pannan" is "kula i pannan", not "kulai pannan".
 */
final class SpacedLetterCollapsing {

    private static final int MIN_LETTERS = 3;
    private static final int MAX_GAP = 4;

    private SpacedLetterCollapsing() {
    }

    /** {@code in} itself when no spaced-out word is found, else {@code spare} (emptied first) with them joined. */
    static MappedText apply(MappedText in, MappedText spare) {
        int n = in.length();
        MappedText out = null;
        int[] letters = null;
        int[] gaps = null;
        int copiedUpTo = 0;
        int i = 0;
        while (i < n) {
            if (!isLoneLetter(in, i)) {
                i++;
                continue;
            }
            if (letters == null) {
                letters = new int[16];
                gaps = new int[16];
            }
            int count = 0;
            letters[count++] = i;
            int j = i + 1;
            char kind = 0; // the separator the writer chose ("k.u.l.a", "s-k-j-u-t-a", "d ö d a")
            while (true) {
                int gapStart = j;
                while (j < n && isSeparator(in.charAt(j)) && j - gapStart <= MAX_GAP) {
                    j++;
                }
                int gap = j - gapStart;
                if (gap == 0 || gap > MAX_GAP || j >= n || !isLoneLetter(in, j)) {
                    break;
                }
                if (kind == 0) {
                    kind = in.charAt(gapStart);
                } else if (!contains(in, gapStart, j, kind)) {
                    break; // "k.u.l.a i pannan": a plain space after a dotted word ends it, "i" is a word of its own
                }
                if (count == letters.length) {
                    letters = java.util.Arrays.copyOf(letters, count * 2);
                    gaps = java.util.Arrays.copyOf(gaps, count * 2);
                }
                gaps[count] = gap;
                letters[count++] = j;
                j++;
            }
            if (count > MIN_LETTERS && swallowsOneLetterWord(in, letters, gaps, count)) {
                count--; // "k u l a i huvet": the "i" is a word of its own, not the end of "kulai"
            }
            if (count < MIN_LETTERS) {
                i = letters[count - 1] + 1;
                continue;
            }
            if (out == null) {
                out = spare.reset().ensureCapacity(n);
            }
            for (int k = copiedUpTo; k < i; k++) {
                out.copy(in, k);
            }
            int narrowest = Integer.MAX_VALUE;
            for (int k = 1; k < count; k++) {
                narrowest = Math.min(narrowest, gaps[k]);
            }
            out.copy(in, letters[0]);
            for (int k = 1; k < count; k++) {
                if (gaps[k] > narrowest) {
                    out.appendSpanning(' ', in, letters[k - 1] + 1, letters[k]);
                }
                out.copy(in, letters[k]);
            }
            copiedUpTo = letters[count - 1] + 1;
            i = copiedUpTo;
        }
        if (out == null) {
            return in;
        }
        for (int k = copiedUpTo; k < n; k++) {
            out.copy(in, k);
        }
        return out;
    }

    /**
     * Whether the run's last letter is a one-letter Swedish word ("i", "å", "ö", "e") that the run
     * swallowed: it follows the letters before it at the run's usual spacing, and right after it a
     * real, written-out word begins ("k u l a i huvet", "s p r ä n g a å huset"). Three or more
     * letters before it already make a word, and a spaced word rarely ends in these letters.
     */
    private static boolean swallowsOneLetterWord(MappedText in, int[] letters, int[] gaps, int count) {
        int last = letters[count - 1];
        char c = in.charAt(last);
        if (c != 'i' && c != 'å' && c != 'ö' && c != 'e') {
            return false;
        }
        int k = last + 1;
        if (k >= in.length() || in.charAt(k) != ' ') {
            return false;
        }
        while (k < in.length() && in.charAt(k) == ' ') {
            k++;
        }
        // a written-out word of two letters or more follows (not another lone letter, not the end)
        return k + 1 < in.length() && Letters.isLetter(in.charAt(k)) && Letters.isLetter(in.charAt(k + 1))
                && gaps[count - 1] == gaps[count - 2];
    }

    private static boolean isLoneLetter(MappedText in, int index) {
        if (!Letters.isLetter(in.charAt(index))) {
            return false;
        }
        boolean leftFree = index == 0 || !Letters.isLetterOrDigit(in.charAt(index - 1));
        boolean rightFree = index + 1 >= in.length() || !Letters.isLetterOrDigit(in.charAt(index + 1));
        return leftFree && rightFree;
    }

    private static boolean contains(MappedText in, int from, int to, char c) {
        for (int k = from; k < to; k++) {
            if (in.charAt(k) == c) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_' || c == '·';
    }
}
