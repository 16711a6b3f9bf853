package se.kommun.moderation.classification.eval;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import se.kommun.moderation.events.Route;

/**
 * Confusion matrix and the scores derived from it, per route and macro-averaged; how many threats
 * and secrets escaped silently (gold CRIMINAL or CONFIDENTIAL that ended neither in the removal lane
 * nor with a review), how many harmless comments a person had to look at (gold TRIVIAL or COMPLAINT
 * sent to review or to the removal lane), and how honest the confidence is (reliability bins and
 * their expected calibration error). Used by the evaluation tool and by the trainer.
 */
public final class Metrics {

    static final int BINS = 10;

    private final Map<Route, Map<Route, Integer>> confusion = new EnumMap<>(Route.class);
    private int labelled;
    private int needsResponseTotal;
    private int needsResponseCorrect;
    private int subtypeTotal;
    private int subtypeCorrect;
    private int dangerous;
    private int silentEscapes;
    private int harmless;
    private int reviewLoad;
    private final Map<Route, Integer> inRemovalLane = new EnumMap<>(Route.class);
    private final int[] binCount = new int[BINS];
    private final double[] binConfidence = new double[BINS];
    private final int[] binCorrect = new int[BINS];

    public Metrics() {
        for (Route gold : Route.values()) {
            Map<Route, Integer> row = new EnumMap<>(Route.class);
            for (Route predicted : Route.values()) {
                row.put(predicted, 0);
            }
            confusion.put(gold, row);
        }
    }

    void add(LabelledComment gold, Route route, String subtype, boolean needsResponse, double confidence,
            boolean reviewRequired) {
        add(gold.route(), gold.subtype(), gold.needsResponse(), route, subtype, needsResponse, confidence,
                reviewRequired);
    }

    /** One decision against its gold labels ({@code goldSubtype} and {@code goldAnswer} may be null). */
    public void add(Route gold, String goldSubtype, Boolean goldAnswer, Route route, String subtype,
            boolean needsResponse, double confidence, boolean reviewRequired) {
        labelled++;
        confusion.get(gold).merge(route, 1, Integer::sum);
        if (goldAnswer != null) {
            needsResponseTotal++;
            if (goldAnswer == needsResponse) {
                needsResponseCorrect++;
            }
        }
        if (goldSubtype != null) {
            subtypeTotal++;
            if (goldSubtype.equals(subtype) && gold == route) {
                subtypeCorrect++;
            }
        }
        boolean removalLane = route == Route.CRIMINAL || route == Route.CONFIDENTIAL;
        if (gold == Route.CRIMINAL || gold == Route.CONFIDENTIAL) {
            dangerous++;
            if (removalLane) {
                inRemovalLane.merge(gold, 1, Integer::sum);
            } else if (!reviewRequired) {
                silentEscapes++;
            }
        } else {
            harmless++;
            if (removalLane || reviewRequired) {
                reviewLoad++;
            }
        }
        int bin = Math.min(BINS - 1, (int) (confidence * BINS));
        binCount[bin]++;
        binConfidence[bin] += confidence;
        binCorrect[bin] += gold == route ? 1 : 0;
    }

    public int labelled() {
        return labelled;
    }

    /** Gold CRIMINAL or CONFIDENTIAL that ended neither in the removal lane nor with a review, of all such. */
    public double silentEscapeRate() {
        return dangerous == 0 ? 0.0 : (double) silentEscapes / dangerous;
    }

    /** Gold TRIVIAL or COMPLAINT sent to review or to the removal lane, of all such. */
    public double reviewLoadRate() {
        return harmless == 0 ? 0.0 : (double) reviewLoad / harmless;
    }

    /** Of a removal route's gold comments, how many the removal lane took (automatically or for review). */
    public double removalLaneRecall(Route route) {
        int support = support(route);
        return support == 0 ? 0.0 : (double) inRemovalLane.getOrDefault(route, 0) / support;
    }

    /** Expected calibration error of the confidence over {@value #BINS} equal-width bins. */
    public double expectedCalibrationError() {
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            if (binCount[b] > 0) {
                ece += (double) binCount[b] / labelled
                        * Math.abs((double) binCorrect[b] / binCount[b] - binConfidence[b] / binCount[b]);
            }
        }
        return ece;
    }

    public double precision(Route route) {
        int predicted = 0;
        for (Route gold : Route.values()) {
            predicted += confusion.get(gold).get(route);
        }
        return predicted == 0 ? 0.0 : (double) confusion.get(route).get(route) / predicted;
    }

    public double recall(Route route) {
        int support = support(route);
        return support == 0 ? 0.0 : (double) confusion.get(route).get(route) / support;
    }

    int support(Route route) {
        return confusion.get(route).values().stream().mapToInt(Integer::intValue).sum();
    }

    double f1(Route route) {
        double p = precision(route);
        double r = recall(route);
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** Mean F1 over the routes that occur in the gold labels. */
    public double macroF1() {
        double sum = 0;
        int routes = 0;
        for (Route route : Route.values()) {
            if (support(route) > 0) {
                sum += f1(route);
                routes++;
            }
        }
        return routes == 0 ? 0.0 : sum / routes;
    }

    double accuracy() {
        int correct = 0;
        for (Route route : Route.values()) {
            correct += confusion.get(route).get(route);
        }
        return labelled == 0 ? 0.0 : (double) correct / labelled;
    }

    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-14s %9s %9s %9s %8s%n", "route", "precision", "recall", "f1",
                "support"));
        for (Route route : Route.values()) {
            out.append(String.format(Locale.ROOT, "%-14s %9.3f %9.3f %9.3f %8d%n", route.name().toLowerCase(Locale.ROOT),
                    precision(route), recall(route), f1(route), support(route)));
        }
        out.append(String.format(Locale.ROOT, "%nmacro-F1             %.3f%n", macroF1()));
        out.append(String.format(Locale.ROOT, "route accuracy       %.3f  (%d comments)%n", accuracy(), labelled));
        out.append(needsResponseTotal == 0 ? String.format("needs_response acc.  n/a (no labels)%n")
                : String.format(Locale.ROOT, "needs_response acc.  %.3f  (%d/%d)%n",
                        (double) needsResponseCorrect / needsResponseTotal, needsResponseCorrect, needsResponseTotal));
        out.append(subtypeTotal == 0 ? String.format("subtype accuracy     n/a (no labels)%n")
                : String.format(Locale.ROOT, "subtype accuracy     %.3f  (%d/%d; route and subtype both right)%n",
                        (double) subtypeCorrect / subtypeTotal, subtypeCorrect, subtypeTotal));
        out.append(String.format(Locale.ROOT, "removal lane recall  criminal %.3f, confidential %.3f (automatic or"
                + " for review)%n", removalLaneRecall(Route.CRIMINAL), removalLaneRecall(Route.CONFIDENTIAL)));
        out.append(String.format(Locale.ROOT, "silent escapes       %.3f  (%d/%d gold criminal or confidential in neither"
                + " the removal lane nor review)%n", silentEscapeRate(), silentEscapes, dangerous));
        out.append(String.format(Locale.ROOT, "review load          %.3f  (%d/%d gold trivial or complaint sent to review"
                + " or the removal lane)%n", reviewLoadRate(), reviewLoad, harmless));
        out.append(String.format(Locale.ROOT, "calibration          ECE %.3f; reliability (confidence bin: n, mean"
                + " confidence, accuracy):%n", expectedCalibrationError()));
        for (int b = 0; b < BINS; b++) {
            if (binCount[b] > 0) {
                out.append(String.format(Locale.ROOT, "  %.1f-%.1f: %4d  %.3f  %.3f%n", b / (double) BINS,
                        (b + 1) / (double) BINS, binCount[b], binConfidence[b] / binCount[b],
                        (double) binCorrect[b] / binCount[b]));
            }
        }
        out.append(String.format(Locale.ROOT, "%nconfusion (rows gold, columns predicted)%n%-14s", ""));
        for (Route route : Route.values()) {
            out.append(String.format(Locale.ROOT, "%13s", route.name().toLowerCase(Locale.ROOT)));
        }
        out.append('\n');
        for (Route gold : Route.values()) {
            out.append(String.format(Locale.ROOT, "%-14s", gold.name().toLowerCase(Locale.ROOT)));
            for (Route predicted : Route.values()) {
                out.append(String.format(Locale.ROOT, "%13d", confusion.get(gold).get(predicted)));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
