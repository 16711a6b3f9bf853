package se.kommun.moderation.classification.domain.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import se.kommun.moderation.events.Route;

/**
 * The trained model: multinomial logistic regression over {@link TextFeatures} into one class per
 * route and subtype ("CRIMINAL/threat"), with a temperature that calibrates its probabilities and the
 * thresholds the training run chose on held-out writers. A route's probability is the sum of its
 * subtypes'. Scoring is a sparse dot product: each feature the model knows adds its weight row to the
 * logits. Immutable and thread-safe; read and written by {@link ModelFile}.
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
    private final long[] keys;
    private final int[] rows;
    private final int mask;
    private final float[] weights;
    private final float[] bias;
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
        this.bias = bias;
        this.temperature = temperature;
        this.thresholds = thresholds;
        int size = Integer.highestOneBit(Math.max(16, featureIds.length * 2 - 1)) << 1;
        keys = new long[size];
        rows = new int[size];
        Arrays.fill(rows, -1);
        mask = size - 1;
        for (int row = 0; row < featureIds.length; row++) {
            int slot = slot(featureIds[row]);
            if (rows[slot] >= 0) {
                throw new IllegalArgumentException("feature " + FeatureVector.name(featureIds[row]) + " twice");
            }
            keys[slot] = featureIds[row];
            rows[slot] = row;
        }
    }

    private RouteModel(RouteModel model, double temperature) {
        this.id = model.id;
        this.classes = model.classes;
        this.classRoutes = model.classRoutes;
        this.classSubtypes = model.classSubtypes;
        this.keys = model.keys;
        this.rows = model.rows;
        this.mask = model.mask;
        this.weights = model.weights;
        this.bias = model.bias;
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
        return weights.length / classes.length;
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

    public Reading read(FeatureVector whole, List<FeatureVector> sentences) {
        Scored all = score(whole);
        Scored alarming = null;
        for (FeatureVector sentence : sentences) {
            Scored scored = score(sentence);
            if (scored.removalLane() > (alarming == null ? all.removalLane() : alarming.removalLane())) {
                alarming = scored;
            }
        }
        return new Reading(all, alarming);
    }

    public Scored score(FeatureVector features) {
        int n = classes.length;
        double[] logits = new double[n];
        for (int c = 0; c < n; c++) {
            logits[c] = bias[c];
        }
        int[] matched = new int[features.size()];
        int[] matchedRows = new int[features.size()];
        int known = 0;
        for (int i = 0; i < features.size(); i++) {
            int row = rows[slot(features.id(i))];
            if (row < 0) {
                continue;
            }
            float x = features.value(i);
            int base = row * n;
            for (int c = 0; c < n; c++) {
                logits[c] += x * weights[base + c];
            }
            matched[known] = i;
            matchedRows[known++] = row;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        double sum = 0;
        double[] probabilities = new double[n];
        for (int c = 0; c < n; c++) {
            probabilities[c] = Math.exp((logits[c] - max) / temperature);
            sum += probabilities[c];
        }
        double[] routes = new double[Route.values().length];
        for (int c = 0; c < n; c++) {
            probabilities[c] /= sum;
            routes[classRoutes[c].ordinal()] += probabilities[c];
        }
        return new Scored(features, probabilities, routes, Arrays.copyOf(matched, known),
                Arrays.copyOf(matchedRows, known));
    }

    private int slot(long featureId) {
        int slot = (int) (featureId ^ (featureId >>> 32)) & mask;
        while (rows[slot] >= 0 && keys[slot] != featureId) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** What the model made of one comment. */
    public final class Scored {
        private final FeatureVector features;
        private final double[] probabilities;
        private final double[] routes;
        private final int[] matched;
        private final int[] matchedRows;

        private Scored(FeatureVector features, double[] probabilities, double[] routes, int[] matched,
                int[] matchedRows) {
            this.features = features;
            this.probabilities = probabilities;
            this.routes = routes;
            this.matched = matched;
            this.matchedRows = matchedRows;
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
            Contribution[] all = new Contribution[matched.length];
            int count = 0;
            for (int k = 0; k < matched.length; k++) {
                int i = matched[k];
                if (features.start(i) < 0) {
                    continue;
                }
                int base = matchedRows[k] * n;
                double mean = 0;
                for (int c = 0; c < n; c++) {
                    mean += weights[base + c];
                }
                mean /= n;
                double weight = features.value(i) * (weights[base + target] - mean);
                if (weight > 0) {
                    all[count++] = new Contribution(features.start(i), features.end(i), weight);
                }
            }
            Arrays.sort(all, 0, count, (a, b) -> Double.compare(b.weight(), a.weight()));
            // Overlapping n-grams of one word say the same thing: the strongest of them stands for it.
            List<Contribution> kept = new ArrayList<>(limit);
            for (int k = 0; k < count && kept.size() < limit; k++) {
                Contribution candidate = all[k];
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
