package se.kommun.moderation.classification.domain.normalize;

/**
 * Step 2: common leetspeak inside words (0→o, 1→i, 3→e, 4→a, 5→s, @→a, $→s), so "g3v4r" and "d0"
 * read as words. Only a run that mixes letters with those digits is touched: plain numbers, dates,
 * personnummer, codes with other digits ("BN2024", "E20"), class names ("3B") and amounts with a
 * unit ("5st", "40min") stay as they are. Number detectors read the original text anyway.
 */
final class LeetspeakFolding {

    private LeetspeakFolding() {
    }

    /** {@code in} itself when there is nothing to fold, else {@code out} (emptied first) with the folded text. */
    static MappedText apply(MappedText in, MappedText out) {
        if (!anyCandidate(in)) {
            return in; // no digit, '@' or '$': nothing to fold
        }
        out.reset().ensureCapacity(in.length());
        int n = in.length();
        int i = 0;
        while (i < n) {
            if (!isRunChar(in.charAt(i))) {
                out.copy(in, i);
                i++;
                continue;
            }
            int end = i;
            while (end < n && isRunChar(in.charAt(end))) {
                end++;
            }
            boolean convert = shouldConvert(in, i, end);
            for (int k = i; k < end; k++) {
                char c = in.charAt(k);
                char mapped = convert ? map(c, k == i) : c;
                out.appendSpanning(mapped, in, k, k + 1);
            }
            i = end;
        }
        return out;
    }

    private static boolean anyCandidate(MappedText in) {
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if ((c >= '0' && c <= '9') || c == '@' || c == '$') {
                return true;
            }
        }
        return false;
    }

    private static boolean isRunChar(char c) {
        return Letters.isLetterOrDigit(c) || c == '@' || c == '$';
    }

    private static boolean isLeetDigit(char c) {
        return c == '0' || c == '1' || c == '3' || c == '4' || c == '5';
    }

    private static boolean shouldConvert(MappedText in, int from, int to) {
        int letters = 0;
        int digits = 0;
        int symbols = 0;
        int firstDigit = -1;
        int lastDigit = -1;
        for (int k = from; k < to; k++) {
            char c = in.charAt(k);
            if (Letters.isLetter(c)) {
                letters++;
            } else if (c >= '0' && c <= '9') {
                if (!isLeetDigit(c)) {
                    return false; // a code or an amount, not a disguised word
                }
                digits++;
                if (firstDigit < 0) {
                    firstDigit = k;
                }
                lastDigit = k;
            } else if (k > from) {
                symbols++; // '@' or '$' after the first char (a leading '@' is a mention)
            }
        }
        if (letters == 0) {
            return false;
        }
        if (digits == 0) {
            return symbols > 0;
        }
        boolean digitsContiguous = lastDigit - firstDigit + 1 == digits;
        if (digitsContiguous && firstDigit == from) {
            // "3b", "5st", "10min": a leading number is a quantity unless a long word follows one digit.
            return digits == 1 && letters >= 3;
        }
        if (digitsContiguous && lastDigit == to - 1) {
            // "d0", "sk4": a trailing digit or two after letters.
            return digits <= 2 && letters >= 1 && digits <= letters;
        }
        return digits <= letters + symbols;
    }

    private static char map(char c, boolean first) {
        switch (c) {
            case '0': return 'o';
            case '1': return 'i';
            case '3': return 'e';
            case '4': return 'a';
            case '5': return 's';
            case '@': return first ? '@' : 'a';
            case '$': return first ? '$' : 's';
            default: return c;
        }
    }
}
