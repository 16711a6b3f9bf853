package se.kommun.moderation.classification.domain.text;

import se.kommun.moderation.classification.domain.normalize.NormalizedText;

/**
 * The tokens of one folded comment, as parallel arrays (offsets into the folded text), with the
 * sentence each belongs to. Built by {@link Tokenizer}; read by the phrase matcher and detectors.
 */
public final class Tokens {

    private final NormalizedText text;
    private final int[] starts;
    private final int[] ends;
    private final TokenKind[] kinds;
    private final int[] sentences;
    private final boolean[] capitalized;
    private final boolean[] placeholder;
    private final boolean[] clauseStarts;
    private final int count;
    private final boolean[] questionSentences;
    private final int sentenceCount;

    Tokens(NormalizedText text, int[] starts, int[] ends, TokenKind[] kinds, int[] sentences, boolean[] capitalized,
            boolean[] placeholder, boolean[] clauseStarts, int count, boolean[] questionSentences, int sentenceCount) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.kinds = kinds;
        this.sentences = sentences;
        this.capitalized = capitalized;
        this.placeholder = placeholder;
        this.clauseStarts = clauseStarts;
        this.count = count;
        this.questionSentences = questionSentences;
        this.sentenceCount = sentenceCount;
    }

    public NormalizedText text() {
        return text;
    }

    public int size() {
        return count;
    }

    public int start(int token) {
        return starts[token];
    }

    public int end(int token) {
        return ends[token];
    }

    public TokenKind kind(int token) {
        return kinds[token];
    }

    public int sentence(int token) {
        return sentences[token];
    }

    /** Whether the writer began the token with a capital letter (names, places). */
    public boolean capitalized(int token) {
        return capitalized[token];
    }

    /** Whether the token sits inside square brackets ("[länk till …]", "[video: …]"). */
    public boolean inPlaceholder(int token) {
        return placeholder[token];
    }

    /** Whether the word opens a clause: first in its sentence or after ',', ':' or a dash. */
    public boolean clauseStart(int token) {
        return clauseStarts[token];
    }

    /** Whether the token is the first word of its sentence. */
    public boolean sentenceInitial(int token) {
        for (int t = token - 1; t >= 0 && sentences[t] == sentences[token]; t--) {
            if (kinds[t] == TokenKind.WORD || kinds[t] == TokenKind.NUMBER || kinds[t] == TokenKind.MASKED) {
                return false;
            }
        }
        return true;
    }

    public String folded(int token) {
        return text.text().substring(starts[token], ends[token]);
    }

    /** Whether the folded token equals {@code word} (already folded), without allocating. */
    public boolean is(int token, String word) {
        int length = ends[token] - starts[token];
        return length == word.length() && text.text().regionMatches(starts[token], word, 0, length);
    }

    public int sentenceCount() {
        return sentenceCount;
    }

    public boolean isQuestion(int sentence) {
        return questionSentences[sentence];
    }

    /** Original offset where the token begins. */
    public int originalStart(int token) {
        return text.originalStart(starts[token]);
    }

    /** Original offset where the token ends (exclusive). */
    public int originalEnd(int token) {
        return text.originalEnd(ends[token]);
    }

    public int wordCount() {
        int words = 0;
        for (int t = 0; t < count; t++) {
            if (kinds[t] == TokenKind.WORD || kinds[t] == TokenKind.MASKED) {
                words++;
            }
        }
        return words;
    }
}
