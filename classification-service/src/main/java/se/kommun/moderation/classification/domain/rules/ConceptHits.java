package se.kommun.moderation.classification.domain.rules;

import java.util.Arrays;

/**
 * The lexicon hits of one comment: which concept, which entry, which tokens (inclusive), which
 * weight. Hits of one concept are chained in text order, so a detector walks only its concepts.
 * Stored packed (five ints per hit plus a weight) because one is built for every comment.
 */
public final class ConceptHits {

    public static final int END = -1;

    private static final int CONCEPT = 0;
    private static final int ENTRY = 1;
    private static final int FROM = 2;
    private static final int TO = 3;
    private static final int NEXT = 4;
    private static final int STRIDE = 5;
    private static final int REMOVED = Integer.MIN_VALUE;

    /**
     * Per concept its first hit (at {@code 2 * concept}) and its last (at {@code 2 * concept + 1}),
     * each stored plus one so that a fresh array (all zeros) means "no hit": one allocation per comment,
     * and no fill.
     */
    private final int[] ends;
    private int[] hits = new int[16 * STRIDE];
    private double[] weights = new double[16];
    private int size;

    ConceptHits(int conceptCount) {
        ends = new int[2 * conceptCount];
    }

    private int head(int concept) {
        return ends[2 * concept] - 1;
    }

    private void head(int concept, int hit) {
        ends[2 * concept] = hit + 1;
    }

    private int tail(int concept) {
        return ends[2 * concept + 1] - 1;
    }

    private void tail(int concept, int hit) {
        ends[2 * concept + 1] = hit + 1;
    }

    void add(int concept, int entry, double weight, int fromToken, int toToken) {
        // The same phrase can be reached twice through a gap; hits of one start token are the latest.
        for (int h = size - 1; h >= 0 && hits[h * STRIDE + FROM] == fromToken; h--) {
            if (hits[h * STRIDE + ENTRY] == entry && hits[h * STRIDE + TO] == toToken) {
                return;
            }
        }
        if (size == weights.length) {
            hits = Arrays.copyOf(hits, hits.length * 2);
            weights = Arrays.copyOf(weights, weights.length * 2);
        }
        int at = size * STRIDE;
        hits[at + CONCEPT] = concept;
        hits[at + ENTRY] = entry;
        hits[at + FROM] = fromToken;
        hits[at + TO] = toToken;
        hits[at + NEXT] = END;
        weights[size] = weight;
        if (tail(concept) == END) {
            head(concept, size);
        } else {
            hits[tail(concept) * STRIDE + NEXT] = size;
        }
        tail(concept, size);
        size++;
    }

    /** Cancels hits of masked concepts that overlap a hit of a masking concept (idioms). */
    void applyMasks(int[][] masksByConcept) {
        boolean any = false;
        for (int h = 0; h < size; h++) {
            int[] masked = masksByConcept[hits[h * STRIDE + CONCEPT]];
            for (int maskedConcept : masked) {
                for (int g = head(maskedConcept); g != END; g = hits[g * STRIDE + NEXT]) {
                    if (hits[g * STRIDE + FROM] <= hits[h * STRIDE + TO]
                            && hits[h * STRIDE + FROM] <= hits[g * STRIDE + TO]) {
                        hits[g * STRIDE + ENTRY] = REMOVED;
                        any = true;
                    }
                }
            }
        }
        if (!any) {
            return;
        }
        for (int concept = 0; concept < ends.length / 2; concept++) {
            int previous = END;
            for (int h = head(concept); h != END; h = hits[h * STRIDE + NEXT]) {
                if (hits[h * STRIDE + ENTRY] == REMOVED) {
                    if (previous == END) {
                        head(concept, hits[h * STRIDE + NEXT]);
                    } else {
                        hits[previous * STRIDE + NEXT] = hits[h * STRIDE + NEXT];
                    }
                } else {
                    previous = h;
                }
            }
        }
    }

    /** The first hit of a concept in text order, or {@link #END}; -1 concept (unknown) has none. */
    public int first(int concept) {
        return concept < 0 || 2 * concept >= ends.length ? END : head(concept);
    }

    public int next(int hit) {
        return hits[hit * STRIDE + NEXT];
    }

    public int concept(int hit) {
        return hits[hit * STRIDE + CONCEPT];
    }

    public int entry(int hit) {
        return hits[hit * STRIDE + ENTRY];
    }

    public int fromToken(int hit) {
        return hits[hit * STRIDE + FROM];
    }

    public int toToken(int hit) {
        return hits[hit * STRIDE + TO];
    }

    public double weight(int hit) {
        return weights[hit];
    }

    public boolean any(int concept) {
        return first(concept) != END;
    }
}
