package se.kommun.moderation.classification.domain.model;

/**
 * The features of one comment: distinct 64-bit feature ids with their values and, for features
 * read from the text, the span in the original text where each first occurs (for explanations).
 * Built by {@link TextFeatures}; read by the model and by the trainer.
 */
public final class FeatureVector {

    /** Sentences beyond this many are read together with the last (a comment is rarely this long). */
    public static final int MAX_SENTENCES = 64;
    static final long ALL_SENTENCES = -1L;

    private final long[] ids;
    private final float[] values;
    private final int[] starts;
    private final int[] ends;
    private final long[] sentenceMasks;
    private final float[] sentenceScales;
    private final int size;

    FeatureVector(long[] ids, float[] values, int[] starts, int[] ends, int size) {
        this(ids, values, starts, ends, new long[ids.length], new float[0], size);
    }

    FeatureVector(long[] ids, float[] values, int[] starts, int[] ends, long[] sentenceMasks, float[] sentenceScales,
            int size) {
        this.ids = ids;
        this.values = values;
        this.starts = starts;
        this.ends = ends;
        this.sentenceMasks = sentenceMasks;
        this.sentenceScales = sentenceScales;
        this.size = size;
    }

    /** The same features without their sentences: the comment read only as a whole. */
    public FeatureVector wholeOnly() {
        return sentenceScales.length == 0 ? this
                : new FeatureVector(ids, values, starts, ends, sentenceMasks, new float[0], size);
    }

    /** How many sentences the model may read on their own: 0 for a comment of one sentence. */
    public int sentenceCount() {
        return sentenceScales.length;
    }

    /** The sentences (bit s for sentence s) a feature occurs in; every bit for a feature of the whole comment. */
    long sentenceMask(int i) {
        return sentenceMasks[i];
    }

    /**
     * A text feature's value when sentence {@code s} is read alone: its own text features at unit
     * length, as the whole comment's are.
     */
    float sentenceScale(int s) {
        return sentenceScales[s];
    }

    public int size() {
        return size;
    }

    public long id(int i) {
        return ids[i];
    }

    public float value(int i) {
        return values[i];
    }

    /** Where in the original text the feature first occurs; -1 for features not read from the text. */
    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    /** The feature's name as the trainer knows it: its id in hex. */
    public static String name(long id) {
        return Long.toHexString(id);
    }
}
