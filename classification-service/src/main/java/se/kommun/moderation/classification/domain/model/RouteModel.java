package se.kommun.moderation.classification.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import se.kommun.moderation.events.Route;

/**
 * The trained model: multinomial logistic regression over {@link TextFeatures} into one class per
 * route and subtype ("CRIMINAL/threat"), with a temperature that calibrates its probabilities and the
 * thresholds the training run chose on held-out writers. A route's probability is the sum of its
 * subtypes'. Scoring is a sparse dot product: each feature the model knows adds its weight row to the
 * logits. Scoring is bound by memory (a comment looks up some 600 features at random), so the
 * lookup table holds one long per slot: the feature id's upper 40 bits and the row. Immutable and
 * thread-safe; read and written by {@link ModelFile}.
 */
public final class RouteModel {

    /**
     * What the decision needs of the model, chosen by the training run on writers it held out:
     * {@code automatic}, the probability of a removal route at which removal may go ahead without a
     * person (precision ≥ 0.98 there); {@code review}, the probability of the removal lane (CRIMINAL
     * plus CONFIDENTIAL) from which a person must look, whatever the route.
     */
    public record Thresholds(double automatic, double review) {
    }

    private final String id;
    private final String[] classes;
    private final Route[] classRoutes;
    private final String[] classSubtypes;
    /** Open addressing: per slot the feature id's upper 40 bits and its row + 1 in the lower 24 (0: empty). */
    private final long[] table;
    private static final long ROW_BITS = 0xFFFFFFL;
    private final int mask;
    private final float[] weights;
    /** Per row the mean of its weights: a feature's push towards a class is its weight above it. */
    private final float[] rowMean;
    private final int featureCount;
    private final float[] bias;
    private final double[] biasAsDouble;
    private final double temperature;
    private final Thresholds thresholds;

    RouteModel(String id, List<String> classes, long[] featureIds, float[] weights, float[] bias, double temperature,
            Thresholds thresholds) {
        this.id = Objects.requireNonNull(id);
        this.classes = classes.toArray(String[]::new);
        this.classRoutes = new Route[this.classes.length];
        this.classSubtypes = new String[this.classes.length];
        for (int c = 0; c < this.classes.length; c++) {
            int slash = this.classes[c].indexOf('/');
            classRoutes[c] = Route.valueOf(this.classes[c].substring(0, slash));
            classSubtypes[c] = this.classes[c].substring(slash + 1);
        }
        if (weights.length != featureIds.length * this.classes.length || bias.length != this.classes.length) {
            throw new IllegalArgumentException("weights do not match " + featureIds.length + " features x "
                    + this.classes.length + " classes");
        }
        this.weights = weights;
        this.featureCount = featureIds.length;
        int n = this.classes.length;
        this.rowMean = new float[featureIds.length];
        for (int row = 0; row < featureIds.length; row++) {
            double sum = 0;
            for (int c = 0; c < n; c++) {
                sum += weights[row * n + c];
            }
            rowMean[row] = (float) (sum / n);
        }
        if (featureIds.length >= ROW_BITS) {
            throw new IllegalArgumentException("at most " + (ROW_BITS - 1) + " features");
        }
        this.bias = bias;
        this.biasAsDouble = new double[bias.length];
        for (int c = 0; c < bias.length; c++) {
            biasAsDouble[c] = bias[c];
        }
        this.temperature = temperature;
        this.thresholds = thresholds;
        int size = Integer.highestOneBit(Math.max(16, featureIds.length * 2 - 1)) << 1;
        table = new long[size];
        mask = size - 1;
        for (int row = 0; row < featureIds.length; row++) {
            long key = featureIds[row] & ~ROW_BITS;
            int slot = slotOf(featureIds[row]);
            while (table[slot] != 0) {
                if ((table[slot] & ~ROW_BITS) == key) {
                    throw new IllegalArgumentException("feature " + FeatureVector.name(featureIds[row])
                            + " shares its upper 40 bits with another");
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = key | (row + 1);
        }
    }

    private RouteModel(RouteModel model, double temperature) {
        this.id = model.id;
        this.classes = model.classes;
        this.classRoutes = model.classRoutes;
        this.classSubtypes = model.classSubtypes;
        this.table = model.table;
        this.mask = model.mask;
        this.weights = model.weights;
        this.rowMean = model.rowMean;
        this.featureCount = model.featureCount;
        this.bias = model.bias;
        this.biasAsDouble = model.biasAsDouble;
        this.temperature = temperature;
        this.thresholds = model.thresholds;
    }

    /** The same weights at another temperature (the trainer's calibration tries many). */
    public RouteModel withTemperature(double temperature) {
        return new RouteModel(this, temperature);
    }

    /** "m-" and the first 12 hex digits of the model file's SHA-256. */
    public String id() {
        return id;
    }

    public List<String> classes() {
        return List.of(classes);
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public double temperature() {
        return temperature;
    }

    public int featureCount() {
        return featureCount;
    }

    /**
     * How the model reads a comment: as a whole, and by its most alarming sentence, the one that read
     * alone puts the most probability on the removal lane (CRIMINAL plus CONFIDENTIAL); null when the
     * comment has one sentence or none is more alarming than the whole.
     */
    public record Reading(Scored whole, Scored alarming) {

        /** The removal lane's probability by the more alarming of the two. */
        public double removalLane() {
            return alarming == null ? whole.removalLane() : Math.max(whole.removalLane(), alarming.removalLane());
        }
    }

    /**
     * Reads the comment as a whole and each of its sentences alone, in one pass: every feature's
     * weight row is looked up once and added to the whole's logits and to those of each sentence it
     * occurs in (at that sentence's scale).
     */
    public Reading read(FeatureVector features) {
        int n = classes.length;
        int sentences = features.sentenceCount();
        double[] logits = new double[n * (1 + sentences)];
        for (int s = 0; s <= sentences; s++) {
            System.arraycopy(biasAsDouble, 0, logits, s * n, n);
        }
        int[] matched = new int[features.size()];
        int[] matchedRows = new int[features.size()];
        int known = 0;
        for (int i = 0; i < features.size(); i++) {
            int row = rowOf(features.id(i));
            if (row < 0) {
                continue;
            }
            int base = row * n;
            float x = features.value(i);
            for (int c = 0; c < n; c++) {
                logits[c] += x * weights[base + c];
            }
            if (sentences > 0) {
                boolean textFeature = features.start(i) >= 0;
                for (long bits = features.sentenceMask(i); bits != 0; bits &= bits - 1) {
                    int s = Long.numberOfTrailingZeros(bits);
                    if (s >= sentences) {
                        break;
                    }
                    float vs = textFeature ? features.sentenceScale(s) : x;
                    int offset = (s + 1) * n;
                    for (int c = 0; c < n; c++) {
                        logits[offset + c] += vs * weights[base + c];
                    }
                }
            }
            matched[known] = i;
            matchedRows[known++] = row;
        }
        Matches m = new Matches(matched, matchedRows, known);
        Scored whole = scored(features, logits, 0, m, -1);
        Scored alarming = null;
        for (int s = 0; s < sentences; s++) {
            Scored sentence = scored(features, logits, (s + 1) * n, m, s);
            if (sentence.removalLane() > (alarming == null ? whole.removalLane() : alarming.removalLane())) {
                alarming = sentence;
            }
        }
        return new Reading(whole, alarming);
    }

    /** The comment as a whole (no sentence read alone). */
    public Scored score(FeatureVector features) {
        return read(features.wholeOnly()).whole();
    }

    /** The features the model knows, with their rows. */
    private record Matches(int[] features, int[] rows, int count) {
    }

    private Scored scored(FeatureVector features, double[] logits, int offset, Matches matched, int sentence) {
        int n = classes.length;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            max = Math.max(max, logits[offset + c]);
        }
        double sum = 0;
        double[] probabilities = new double[n];
        for (int c = 0; c < n; c++) {
            probabilities[c] = Math.exp((logits[offset + c] - max) / temperature);
            sum += probabilities[c];
        }
        double[] routes = new double[Route.values().length];
        for (int c = 0; c < n; c++) {
            probabilities[c] /= sum;
            routes[classRoutes[c].ordinal()] += probabilities[c];
        }
        return new Scored(features, probabilities, routes, matched, sentence);
    }

    private int slotOf(long featureId) {
        return (int) (featureId ^ (featureId >>> 29)) & mask;
    }

    private int rowOf(long featureId) {
        long key = featureId & ~ROW_BITS;
        int slot = slotOf(featureId);
        while (true) {
            long entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            if ((entry & ~ROW_BITS) == key) {
                return (int) (entry & ROW_BITS) - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** What the model made of one comment. */
    public final class Scored {
        private final FeatureVector features;
        private final double[] probabilities;
        private final double[] routes;
        private final Matches matched;
        private final int sentence;

        private Scored(FeatureVector features, double[] probabilities, double[] routes, Matches matched,
                int sentence) {
            this.features = features;
            this.probabilities = probabilities;
            this.routes = routes;
            this.matched = matched;
            this.sentence = sentence;
        }

        public double probability(Route route) {
            return routes[route.ordinal()];
        }

        /** CRIMINAL plus CONFIDENTIAL. */
        public double removalLane() {
            return routes[Route.CRIMINAL.ordinal()] + routes[Route.CONFIDENTIAL.ordinal()];
        }

        /** The most probable subtype within a route. */
        public String subtype(Route route) {
            int best = -1;
            for (int c = 0; c < probabilities.length; c++) {
                if (classRoutes[c] == route && (best < 0 || probabilities[c] > probabilities[best])) {
                    best = c;
                }
            }
            return best < 0 ? null : classSubtypes[best];
        }

        /** Every class's probability, in {@link #classes()} order. */
        public double[] classProbabilities() {
            return probabilities.clone();
        }

        /**
         * The text features that pushed most towards a route (its most probable subtype against the
         * average class), strongest first, with their spans in the original text.
         */
        public List<Contribution> strongestFor(Route route, int limit) {
            String subtype = subtype(route);
            int target = -1;
            for (int c = 0; c < classes.length; c++) {
                if (classRoutes[c] == route && classSubtypes[c].equals(subtype)) {
                    target = c;
                }
            }
            int n = classes.length;
            // The strongest pushes, kept sorted in a short list (a comment has hundreds of features).
            int room = 4 * limit;
            double[] top = new double[room];
            int[] topFeature = new int[room];
            int found = 0;
            for (int k = 0; k < matched.count(); k++) {
                int i = matched.features()[k];
                if (features.start(i) < 0 || sentence >= 0 && (features.sentenceMask(i) >>> sentence & 1L) == 0) {
                    continue;
                }
                int row = matched.rows()[k];
                double x = sentence >= 0 ? features.sentenceScale(sentence) : features.value(i);
                double push = x * (weights[row * n + target] - rowMean[row]);
                if (push <= 0 || found == room && push <= top[room - 1]) {
                    continue;
                }
                int at = Math.min(found, room - 1);
                while (at > 0 && top[at - 1] < push) {
                    top[at] = top[at - 1];
                    topFeature[at] = topFeature[at - 1];
                    at--;
                }
                top[at] = push;
                topFeature[at] = i;
                found = Math.min(room, found + 1);
            }
            // Overlapping n-grams of one word say the same thing: the strongest of them stands for it.
            List<Contribution> kept = new ArrayList<>(limit);
            for (int k = 0; k < found && kept.size() < limit; k++) {
                Contribution candidate = new Contribution(features.start(topFeature[k]), features.end(topFeature[k]),
                        top[k]);
                if (kept.stream().noneMatch(c -> c.start() < candidate.end() && candidate.start() < c.end())) {
                    kept.add(candidate);
                }
            }
            return List.copyOf(kept);
        }
    }

    /** One feature's push towards a route, over {@code start..end} of the original text. */
    public record Contribution(int start, int end, double weight) {
    }
}
