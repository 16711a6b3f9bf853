package se.kommun.moderation.classification.domain.normalize;

import java.text.Normalizer;

/**
 * Step 4: å/ä/ö and other Latin letters with diacritics fold to their base letter, the
 * keyboard-less spellings "ae" and "oe" (for ä and ö) fold to "a" and "o", and a run of one letter
 * becomes one ("döööö" → "do", "aa" for å → "a"). Swedish double consonants collapse too ("hatt" →
 * "hat"); harmless, because lexicon entries are folded the same way, so "döda", "doda", "doeda" and
 * "DÖÖÖDA" all hit the entry written "döda".
 */
final class SwedishLetterFolding {

    private static final char[] BASE = new char[0x250];

    static {
        for (char c = 0xC0; c < BASE.length; c++) {
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char base = decomposed.charAt(0);
            if (decomposed.length() > 1 && base < 0x80 && Character.isLetter(base)) {
                BASE[c] = Character.toLowerCase(base);
            }
        }
        BASE['æ'] = 'a';
        BASE['ø'] = 'o';
        BASE['ß'] = 's';
        BASE['đ'] = 'd';
        BASE['ł'] = 'l';
    }

    private SwedishLetterFolding() {
    }

    static char foldLetter(char c) {
        return c >= 0xC0 && c < BASE.length && BASE[c] != 0 ? BASE[c] : c;
    }

    /** Folds diacritics and the "ae"/"oe" spellings, and collapses runs of one letter, in one pass. */
    static MappedText apply(MappedText in, MappedText out) {
        out.reset().ensureCapacity(in.length());
        int n = in.length();
        char previous = 0;
        int runStart = -1;
        for (int i = 0; i < n; i++) {
            char c = foldLetter(in.charAt(i));
            int end = i + 1;
            if ((c == 'a' || c == 'o') && i + 1 < n && in.charAt(i + 1) == 'e') {
                end = i + 2;
            }
            if (c == previous && Letters.isLetter(c) && out.length() > 0) {
                out.extendLast(in, end - 1); // "döööda": the run keeps one letter spanning all of it
            } else {
                out.appendSpanning(c, in, i, end);
            }
            previous = c;
            i = end - 1;
        }
        return out;
    }
}
