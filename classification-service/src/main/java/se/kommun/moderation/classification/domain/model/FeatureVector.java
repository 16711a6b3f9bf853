package se.kommun.moderation.classification.domain.model;

/**
 * The features of one comment: distinct 64-bit feature ids with their values and, for features
 * read from the text, the span in the original text where each first occurs (for explanations).
 * Built by {@link TextFeatures}; read by the model and by the trainer.
 */
public final class FeatureVector {

    private final long[] ids;
    private final float[] values;
    private final int[] starts;
    private final int[] ends;
    private final int size;

    FeatureVector(long[] ids, float[] values, int[] starts, int[] ends, int size) {
        this.ids = ids;
        this.values = values;
        this.starts = starts;
        this.ends = ends;
        this.size = size;
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
