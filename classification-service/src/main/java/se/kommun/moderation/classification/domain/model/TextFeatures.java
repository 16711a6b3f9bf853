package se.kommun.moderation.classification.domain.model;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.sv.SwedishLightStemmer;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.normalize.NormalizedText;
import se.kommun.moderation.classification.domain.text.Tokens;
import se.kommun.moderation.events.Route;

/**
 * What the model reads of a comment, chosen to carry over to text it has not seen:
 * <ul>
 * <li>character n-grams (2–5) of the folded text (the normaliser's: lower case, å/ä/ö folded,
 * leetspeak and spacing undone, repeats collapsed), with digits as 0, so that <i>hotade</i>,
 * <i>hotar</i> and <i>dödshot</i> share <i>hot</i>, and a dialect or a typo shares most of a word;</li>
 * <li>Swedish word stems (Lucene's light stemmer) and stem bigrams;</li>
 * <li>each detector's strongest score and each route's, so the rules' precise knowledge (a
 * Luhn-valid personnummer, a diary number) is evidence the model weighs;</li>
 * <li>the comment's length, in powers of two of its words.</li>
 * </ul>
 * Text features are present or absent (no counts) and scaled to unit length together, so a long
 * rant does not outweigh a short threat. Each text feature also knows the sentences it occurs in, so
 * the model can read every sentence of a longer comment on its own in the same pass (a threat buried
 * in a long complaint is then a short threat, not a few n-grams among hundreds). Features are 64-bit
 * FNV-1a hashes: nothing is kept as a string, and training and classification compute the same ids.
 * Thread-safe.
 */
public final class TextFeatures {

    static final int MIN_N = 2;
    static final int MAX_N = 5;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long CHARS = 0x43L;
    private static final long STEM = 0x57L;
    private static final long BIGRAM = 0x42L;
    private static final long DETECTOR = 0x44L;
    private static final long ROUTE = 0x52L;
    private static final long LENGTH = 0x4cL;

    private static final SwedishLightStemmer STEMMER = new SwedishLightStemmer();

    private TextFeatures() {
    }

    public static FeatureVector extract(Evidence evidence, List<Finding> findings) {
        NormalizedText normalized = evidence.normalized();
        Cleaned cleaned = Cleaned.of(normalized.chars(), sentenceOfEachChar(evidence));
        int capacity = cleaned.length * (MAX_N - MIN_N + 1) + cleaned.length + 32 + 2 * findings.size();
        Builder out = new Builder(capacity, normalized, cleaned.sentences);

        charNgrams(cleaned, out);
        int words = stems(cleaned, out);
        out.add(mix(seed(LENGTH), 31 - Integer.numberOfLeadingZeros(words + 1)), -1, -1, -1, 1.0f);
        out.scaleTextFeatures();

        double[] routeBest = new double[Route.values().length];
        for (Finding finding : findings) {
            long id = mixString(seed(DETECTOR), finding.detector());
            out.max(mix(id, finding.route().ordinal()), (float) finding.score());
            routeBest[finding.route().ordinal()] = Math.max(routeBest[finding.route().ordinal()], finding.score());
        }
        for (Route route : Route.values()) {
            if (routeBest[route.ordinal()] > 0) {
                out.max(mix(seed(ROUTE), route.ordinal()), (float) routeBest[route.ordinal()]);
            }
        }
        return out.build();
    }

    /** The sentence each folded char belongs to (that of the last token starting at or before it). */
    private static int[] sentenceOfEachChar(Evidence evidence) {
        Tokens tokens = evidence.tokens();
        int[] sentence = new int[evidence.normalized().chars().length];
        int token = 0;
        int current = 0;
        for (int i = 0; i < sentence.length; i++) {
            while (token < tokens.size() && tokens.start(token) <= i) {
                current = Math.min(FeatureVector.MAX_SENTENCES - 1, tokens.sentence(token));
                token++;
            }
            sentence[i] = current;
        }
        return sentence;
    }

    private static void charNgrams(Cleaned cleaned, Builder out) {
        char[] c = cleaned.chars;
        for (int i = 0; i < cleaned.length; i++) {
            long h = seed(CHARS);
            for (int n = 1; n <= MAX_N && i + n <= cleaned.length; n++) {
                h = mix(h, c[i + n - 1]);
                if (n >= MIN_N) {
                    out.add(h, cleaned.from[i], cleaned.to[i + n - 1], cleaned.sentence[i], 1.0f);
                }
            }
        }
    }

    /** Stems and stem bigrams of the letter-and-digit runs; returns the number of words. */
    private static int stems(Cleaned cleaned, Builder out) {
        char[] c = cleaned.chars;
        char[] word = new char[64];
        long previous = 0;
        int previousStart = -1;
        int words = 0;
        int i = 0;
        while (i < cleaned.length) {
            if (!Character.isLetterOrDigit(c[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < cleaned.length && Character.isLetterOrDigit(c[i])) {
                i++;
            }
            int length = Math.min(i - start, word.length);
            System.arraycopy(c, start, word, 0, length);
            int stemmed = length > 3 ? STEMMER.stem(word, length) : length;
            long stem = seed(STEM);
            for (int k = 0; k < stemmed; k++) {
                stem = mix(stem, word[k]);
            }
            out.add(stem, cleaned.from[start], cleaned.to[i - 1], cleaned.sentence[start], 1.0f);
            if (previousStart >= 0) {
                out.add(mix(mix(seed(BIGRAM), previous), stem), cleaned.from[previousStart], cleaned.to[i - 1],
                        cleaned.sentence[start], 1.0f);
            }
            previous = stem;
            previousStart = start;
            words++;
        }
        return words;
    }

    private static long seed(long kind) {
        return mix(FNV_OFFSET, kind);
    }

    private static long mix(long hash, long value) {
        return (hash ^ value) * FNV_PRIME;
    }

    private static long mixString(long hash, String s) {
        for (int i = 0; i < s.length(); i++) {
            hash = mix(hash, s.charAt(i));
        }
        return hash;
    }

    /**
     * The folded text as the n-grams see it: letters as they are, digits as '0', '?' and '!' kept,
     * emoji and other symbols kept, every other character a space, runs of spaces one space, and a
     * space at each end. {@code from}/{@code to} give each char's index in the folded text.
     */
    private static final class Cleaned {
        final char[] chars;
        final int[] from;
        final int[] to;
        final int[] sentence;
        final int length;
        final int sentences;

        private Cleaned(char[] chars, int[] from, int[] to, int[] sentence, int length, int sentences) {
            this.chars = chars;
            this.from = from;
            this.to = to;
            this.sentence = sentence;
            this.length = length;
            this.sentences = sentences;
        }

        static Cleaned of(char[] folded, int[] sentenceOfFolded) {
            char[] chars = new char[folded.length + 2];
            int[] from = new int[folded.length + 2];
            int[] to = new int[folded.length + 2];
            int[] sentence = new int[folded.length + 2];
            int sentences = 1;
            int n = 0;
            chars[n] = ' ';
            n++;
            for (int i = 0; i < folded.length; i++) {
                char c = folded[i];
                char kept;
                if (Character.isLetter(c)) {
                    kept = Character.toLowerCase(c);
                } else if (Character.isDigit(c)) {
                    kept = '0';
                } else if (c == '?' || c == '!' || c >= 0x80 && !Character.isWhitespace(c)
                        && !Character.isSpaceChar(c)) {
                    kept = c;
                } else {
                    kept = ' ';
                }
                if (kept == ' ' && chars[n - 1] == ' ') {
                    continue;
                }
                chars[n] = kept;
                from[n] = i;
                to[n] = i;
                sentence[n] = sentenceOfFolded[i];
                sentences = Math.max(sentences, sentence[n] + 1);
                n++;
            }
            if (chars[n - 1] != ' ') {
                chars[n] = ' ';
                from[n] = Math.max(0, folded.length - 1);
                to[n] = from[n];
                sentence[n] = sentence[n - 1];
                n++;
            }
            return new Cleaned(chars, from, to, sentence, n, sentences);
        }
    }

    /**
     * Collects distinct features (the first occurrence keeps its span; every occurrence adds its
     * sentence) in an open-addressing table.
     */
    private static final class Builder {
        private final NormalizedText normalized;
        private final long[] ids;
        private final float[] values;
        private final int[] starts;
        private final int[] ends;
        private final long[] sentenceMasks;
        private final int sentences;
        private final int[] slots;
        private final int mask;
        private int size;
        private int textFeatures;

        Builder(int capacity, NormalizedText normalized, int sentences) {
            this.normalized = normalized;
            this.sentences = sentences;
            ids = new long[capacity];
            values = new float[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
            sentenceMasks = new long[capacity];
            int tableSize = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
            slots = new int[tableSize];
            Arrays.fill(slots, -1);
            mask = tableSize - 1;
        }

        /** A text feature over folded chars {@code from..to} (inclusive) in a sentence; -1 for none. */
        void add(long id, int from, int to, int sentence, float value) {
            int slot = find(id);
            long bit = sentence < 0 ? 0L : 1L << sentence;
            if (slots[slot] >= 0) {
                sentenceMasks[slots[slot]] |= bit;
                return;
            }
            slots[slot] = size;
            ids[size] = id;
            values[size] = value;
            boolean hasSpan = from >= 0 && !normalized.text().isEmpty();
            starts[size] = hasSpan ? normalized.originalStart(from) : -1;
            ends[size] = hasSpan ? normalized.originalEnd(to + 1) : -1;
            sentenceMasks[size] = bit;
            size++;
            textFeatures = size;
        }

        /** A feature of the whole comment whose value is the largest seen (a detector's strongest finding). */
        void max(long id, float value) {
            int slot = find(id);
            if (slots[slot] >= 0) {
                int i = slots[slot];
                values[i] = Math.max(values[i], value);
                return;
            }
            slots[slot] = size;
            ids[size] = id;
            values[size] = value;
            starts[size] = -1;
            ends[size] = -1;
            sentenceMasks[size] = FeatureVector.ALL_SENTENCES;
            size++;
        }

        void scaleTextFeatures() {
            float scale = textFeatures == 0 ? 1.0f : (float) (1.0 / Math.sqrt(textFeatures));
            for (int i = 0; i < textFeatures; i++) {
                values[i] *= scale;
            }
        }

        private int find(long id) {
            int slot = (int) (id ^ (id >>> 32)) & mask;
            while (slots[slot] >= 0 && ids[slots[slot]] != id) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        FeatureVector build() {
            float[] sentenceScales = new float[sentences < 2 ? 0 : sentences];
            for (int s = 0; s < sentenceScales.length; s++) {
                int count = 0;
                for (int i = 0; i < textFeatures; i++) {
                    count += (sentenceMasks[i] >>> s & 1L) != 0 ? 1 : 0;
                }
                sentenceScales[s] = count == 0 ? 0f : (float) (1.0 / Math.sqrt(count));
            }
            return new FeatureVector(ids, values, starts, ends, sentenceMasks, sentenceScales, size);
        }
    }
}
