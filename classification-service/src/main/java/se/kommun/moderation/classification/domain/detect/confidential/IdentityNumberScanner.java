package se.kommun.moderation.classification.domain.detect.confidential;

import java.util.function.Consumer;

/**
 * Finds the shapes a Swedish identity number is written in, without regular expressions (this runs
 * on every comment with enough digits): a run of exactly 10 or 12 digits; 6 or 8 digits, then a
 * '-', '+', dash or space (with optional spaces around the sign), then exactly 4 digits; or the same
 * with one space between every digit ("3 8 0 7 1 2 - 4 4 0 3"). Whether the digits are a real
 * date and pass the check digit is for {@link PersonnummerDetector} to decide.
 */
final class IdentityNumberScanner {

    /** One shape found: its span in the text, the date digits, the four last digits and the sign. */
    record Candidate(int start, int end, String date, String serial, char sign, boolean spaced) {
    }

    private IdentityNumberScanner() {
    }

    static void scan(String text, Consumer<Candidate> found) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i)) || (i > 0 && (isDigit(text.charAt(i - 1)) || isSign(text.charAt(i - 1))))) {
                i++;
                continue;
            }
            int run = i;
            while (run < n && isDigit(text.charAt(run))) {
                run++;
            }
            int length = run - i;
            Candidate candidate = null;
            if (length == 10 || length == 12) {
                candidate = new Candidate(i, run, text.substring(i, run - 4), text.substring(run - 4, run), ' ', false);
            } else if (length == 6 || length == 8) {
                candidate = separated(text, i, run);
            } else if (length == 1) {
                candidate = spaced(text, i);
            }
            if (candidate != null) {
                found.accept(candidate);
                i = candidate.end();
            } else {
                i = run;
            }
        }
    }

    /** 6 or 8 digits ending at {@code dateEnd}, a separator, then exactly four digits. */
    private static Candidate separated(String text, int start, int dateEnd) {
        int n = text.length();
        int at = dateEnd;
        char sign = ' ';
        if (at < n && isSpace(text.charAt(at))) {
            at++;
        }
        if (at < n && isSign(text.charAt(at))) {
            sign = text.charAt(at) == '+' ? '+' : '-';
            at++;
            if (at < n && isSpace(text.charAt(at))) {
                at++;
            }
        }
        int serialEnd = at + 4;
        if (serialEnd > n || !allDigits(text, at, serialEnd) || (serialEnd < n && isDigit(text.charAt(serialEnd)))) {
            return null;
        }
        return new Candidate(start, serialEnd, text.substring(start, dateEnd), text.substring(at, serialEnd), sign, false);
    }

    /** "3 8 0 7 1 2 - 4 4 0 3": 8 or 6 spaced digits, an optional sign, 4 spaced digits. */
    private static Candidate spaced(String text, int start) {
        for (int dateDigits : new int[] {8, 6}) {
            int dateEnd = spacedDigits(text, start, dateDigits);
            if (dateEnd < 0) {
                continue;
            }
            int at = dateEnd;
            char sign = ' ';
            int n = text.length();
            if (at < n && isSpace(text.charAt(at))) {
                at++;
            }
            if (at < n && isSign(text.charAt(at))) {
                sign = text.charAt(at) == '+' ? '+' : '-';
                at++;
                if (at < n && isSpace(text.charAt(at))) {
                    at++;
                }
            }
            int serialEnd = spacedDigits(text, at, 4);
            if (serialEnd < 0) {
                continue;
            }
            boolean moreDigits = (serialEnd < n && isDigit(text.charAt(serialEnd)))
                    || (serialEnd + 1 < n && text.charAt(serialEnd) == ' ' && isDigit(text.charAt(serialEnd + 1)));
            if (moreDigits) {
                continue;
            }
            return new Candidate(start, serialEnd, digitsOf(text, start, dateEnd), digitsOf(text, at, serialEnd), sign,
                    true);
        }
        return null;
    }

    /** The end of {@code count} digits each separated by one space starting at {@code at}, or -1. */
    private static int spacedDigits(String text, int at, int count) {
        int pos = at;
        for (int k = 0; k < count; k++) {
            if (k > 0) {
                if (pos >= text.length() || text.charAt(pos) != ' ') {
                    return -1;
                }
                pos++;
            }
            if (pos >= text.length() || !isDigit(text.charAt(pos))) {
                return -1;
            }
            pos++;
        }
        return pos;
    }

    private static String digitsOf(String text, int from, int to) {
        StringBuilder digits = new StringBuilder(12);
        for (int i = from; i < to; i++) {
            if (isDigit(text.charAt(i))) {
                digits.append(text.charAt(i));
            }
        }
        return digits.toString();
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /** '-', '+', the Unicode hyphens and dashes, and the minus sign. */
    private static boolean isSign(char c) {
        return c == '-' || c == '+' || (c >= '\u2010' && c <= '\u2014') || c == '\u2212';
    }
}
