package se.kommun.moderation.classification.eval;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import se.kommun.moderation.events.Route;

/** Confusion matrix and the scores derived from it, per route and macro-averaged. */
final class Metrics {

    private final Map<Route, Map<Route, Integer>> confusion = new EnumMap<>(Route.class);
    private int labelled;
    private int needsResponseTotal;
    private int needsResponseCorrect;
    private int subtypeTotal;
    private int subtypeCorrect;

    Metrics() {
        for (Route gold : Route.values()) {
            Map<Route, Integer> row = new EnumMap<>(Route.class);
            for (Route predicted : Route.values()) {
                row.put(predicted, 0);
            }
            confusion.put(gold, row);
        }
    }

    void add(LabelledComment gold, Route route, String subtype, boolean needsResponse) {
        labelled++;
        confusion.get(gold.route()).merge(route, 1, Integer::sum);
        if (gold.needsResponse() != null) {
            needsResponseTotal++;
            if (gold.needsResponse() == needsResponse) {
                needsResponseCorrect++;
            }
        }
        if (gold.subtype() != null) {
            subtypeTotal++;
            if (gold.subtype().equals(subtype) && gold.route() == route) {
                subtypeCorrect++;
            }
        }
    }

    int labelled() {
        return labelled;
    }

    double precision(Route route) {
        int predicted = 0;
        for (Route gold : Route.values()) {
            predicted += confusion.get(gold).get(route);
        }
        return predicted == 0 ? 0.0 : (double) confusion.get(route).get(route) / predicted;
    }

    double recall(Route route) {
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
    double macroF1() {
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

    String report() {
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
