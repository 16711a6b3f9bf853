package se.kommun.moderation.classification.domain.text;

import java.util.Arrays;
import se.kommun.moderation.classification.domain.normalize.NormalizedText;

/**
 * Splits a folded comment into words, numbers, masked words, mentions and emoji, and into
 * sentences ('.', '!', '?', ';' or a line break end one; a '.' inside "org.nr" or "08.15" does not).
 * Hyphens split words, so "LSS-boende" is "lss" + "boende" and lexicons list compounds both ways.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static Tokens tokenize(NormalizedText normalized) {
        String s = normalized.text();
        String original = normalized.original();
        int n = s.length();
        int capacity = Math.max(8, n / 3);
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        TokenKind[] kinds = new TokenKind[capacity];
        int[] sentences = new int[capacity];
        boolean[] capitalized = new boolean[capacity];
        boolean[] placeholder = new boolean[capacity];
        boolean[] clauseStarts = new boolean[capacity];
        boolean clauseBreak = true;
        boolean[] questions = new boolean[8];
        int count = 0;
        int sentence = 0;
        boolean sentenceHasTokens = false;
        int bracketDepth = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int tokenStart = -1;
            int tokenEnd = -1;
            TokenKind kind = null;
            if (isLetterOrDigit(c)
                    || ((c == '@' || c == '#') && i + 1 < n && isLetterOrDigit(s.charAt(i + 1)))) {
                kind = c == '@' ? TokenKind.MENTION : TokenKind.WORD;
                tokenStart = c == '#' ? i + 1 : i;
                int j = i + 1;
                boolean digitsOnly = isDigit(c);
                boolean masked = false;
                while (j < n) {
                    char d = s.charAt(j);
                    if (isLetterOrDigit(d)) {
                        digitsOnly &= isDigit(d);
                        j++;
                    } else if (d == '*' && kind != TokenKind.MENTION) {
                        int k = j;
                        while (k < n && s.charAt(k) == '*') {
                            k++;
                        }
                        masked = true;
                        digitsOnly = false;
                        j = k;
                    } else if (d == ':' && j + 1 < n && isLetter(s.charAt(j + 1))
                            && !isDigit(s.charAt(j - 1))) {
                        j++; // "pm:a", "svt:s": an inflection after an abbreviation
                    } else {
                        break;
                    }
                }
                tokenEnd = j;
                if (kind == TokenKind.WORD) {
                    kind = masked ? TokenKind.MASKED : digitsOnly ? TokenKind.NUMBER : TokenKind.WORD;
                }
                i = j;
            } else if (c >= 0x80 && (Character.isHighSurrogate(c) || Character.getType(c) == Character.OTHER_SYMBOL)) {
                int cp = s.codePointAt(i);
                int len = Character.charCount(cp);
                int type = Character.getType(cp);
                if (type == Character.OTHER_SYMBOL) {
                    kind = TokenKind.EMOJI;
                    tokenStart = i;
                    tokenEnd = i + len;
                }
                i += len;
            } else {
                if (c == '?' && (sentenceHasTokens || sentence > 0)) {
                    int asked = sentenceHasTokens ? sentence : sentence - 1; // "??" ends one question
                    questions = ensure(questions, asked);
                    questions[asked] = true;
                }
                if (isSentenceEnd(s, i) && sentenceHasTokens) {
                    sentence++;
                    sentenceHasTokens = false;
                }
                if (isSentenceEnd(s, i) || isClauseBreak(s, i)) {
                    clauseBreak = true;
                }
                if (c == '[') {
                    bracketDepth++;
                } else if (c == ']' && bracketDepth > 0) {
                    bracketDepth--;
                }
                i++;
            }
            if (kind != null) {
                if (count == starts.length) {
                    int size = count * 2;
                    starts = Arrays.copyOf(starts, size);
                    ends = Arrays.copyOf(ends, size);
                    kinds = Arrays.copyOf(kinds, size);
                    sentences = Arrays.copyOf(sentences, size);
                    capitalized = Arrays.copyOf(capitalized, size);
                    placeholder = Arrays.copyOf(placeholder, size);
                    clauseStarts = Arrays.copyOf(clauseStarts, size);
                }
                starts[count] = tokenStart;
                ends[count] = tokenEnd;
                kinds[count] = kind;
                sentences[count] = sentence;
                int originalStart = normalized.originalStart(tokenStart);
                capitalized[count] = originalStart < original.length()
                        && Character.isUpperCase(original.codePointAt(originalStart));
                placeholder[count] = bracketDepth > 0;
                clauseStarts[count] = clauseBreak && kind != TokenKind.EMOJI && kind != TokenKind.MENTION;
                if (kind != TokenKind.EMOJI && kind != TokenKind.MENTION) {
                    clauseBreak = false;
                }
                count++;
                sentenceHasTokens = true;
            }
        }
        int sentenceCount = sentenceHasTokens ? sentence + 1 : Math.max(1, sentence);
        questions = ensure(questions, sentenceCount);
        return new Tokens(normalized, starts, ends, kinds, sentences, capitalized, placeholder, clauseStarts, count,
                questions, sentenceCount);
    }

    // ASCII fast paths with the JDK's answers (for ASCII exactly [A-Za-z], [0-9]); the tokenizer asks for every char.

    private static boolean isLetterOrDigit(char c) {
        return c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
                : Character.isLetterOrDigit(c);
    }

    private static boolean isDigit(char c) {
        return c < 0x80 ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    private static boolean isLetter(char c) {
        return c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : Character.isLetter(c);
    }

    private static boolean[] ensure(boolean[] array, int index) {
        return index < array.length ? array : Arrays.copyOf(array, Math.max(index + 1, array.length * 2));
    }

    /** ',', ':', a dash between spaces, or an opening bracket: what follows starts a clause. */
    private static boolean isClauseBreak(String s, int i) {
        char c = s.charAt(i);
        if (c == ',' || c == ':' || c == '(' || c == '–' || c == '—' || c == '"') {
            return true;
        }
        return c == '-' && i > 0 && i + 1 < s.length() && s.charAt(i - 1) == ' ' && s.charAt(i + 1) == ' ';
    }

    private static boolean isSentenceEnd(String s, int i) {
        char c = s.charAt(i);
        if (c == '!' || c == '?' || c == '\n' || c == ';') {
            return true;
        }
        if (c == '.' || c == '…') {
            return i + 1 >= s.length() || Character.isWhitespace(s.charAt(i + 1)) || s.charAt(i + 1) == '"'
                    || s.charAt(i + 1) == '\'';
        }
        return false;
    }
}
