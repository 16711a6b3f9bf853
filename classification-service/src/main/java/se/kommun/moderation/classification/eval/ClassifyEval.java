package se.kommun.moderation.classification.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import se.kommun.moderation.classification.domain.SwedishClassifier;
import se.kommun.moderation.classification.domain.Verdict;
import se.kommun.moderation.classification.domain.model.ModelFile;
import se.kommun.moderation.classification.domain.model.RouteModel;
import se.kommun.moderation.classification.domain.rules.RuleSetRegistry;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * The evaluation tool behind {@code bench/classify-eval.sh}: runs the real classifier over a
 * corpus of JSON lines ({@code id, platform, text, route, subtype, needs_response}), prints
 * per-route precision, recall and F1, macro-F1, needs_response and subtype accuracy, the removal
 * lane's recall, silent escapes, review load, calibration and the confusion matrix, writes one
 * prediction per line (with {@code review_required} as the service decides it), and times
 * {@code classify()} in a warm loop. Lines without labels are only predicted. The bundled model is
 * used unless {@code --model FILE} names another or {@code --no-model} leaves the rules alone.
 *
 * <pre>
 * ClassifyEval CORPUS.jsonl [PREDICTIONS.jsonl] [--rules DIR] [--model FILE | --no-model] [--review-threshold X]
 *              [--errors] [--explain] [--no-timing] [--seconds N]
 * </pre>
 */
public final class ClassifyEval {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassifyEval() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = null;
        Path predictions = null;
        Path rules = null;
        Path modelFile = null;
        boolean useModel = true;
        double reviewThreshold = 0.6;
        boolean errors = false;
        boolean explain = false;
        boolean timing = true;
        double seconds = 3.0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rules" -> rules = Path.of(args[++i]);
                case "--model" -> modelFile = Path.of(args[++i]);
                case "--no-model" -> useModel = false;
                case "--review-threshold" -> reviewThreshold = Double.parseDouble(args[++i]);
                case "--errors" -> errors = true;
                case "--explain" -> {
                    errors = true;
                    explain = true;
                }
                case "--no-timing" -> timing = false;
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                default -> {
                    if (corpus == null) {
                        corpus = Path.of(args[i]);
                    } else {
                        predictions = Path.of(args[i]);
                    }
                }
            }
        }
        if (corpus == null) {
            System.err.println("usage: ClassifyEval CORPUS.jsonl [PREDICTIONS.jsonl] [--rules DIR] [--model FILE | "
                    + "--no-model] [--review-threshold X] [--errors] [--explain] [--no-timing] [--seconds N]");
            System.exit(2);
        }
        RuleSetRegistry registry = rules == null ? RuleSetRegistry.bundled() : RuleSetRegistry.withOverrides(rules);
        Optional<RouteModel> model = !useModel ? Optional.empty()
                : modelFile != null ? Optional.of(ModelFile.read(modelFile)) : ModelFile.bundled();
        SwedishClassifier classifier = new SwedishClassifier(registry.current(), model);
        List<LabelledComment> comments = read(corpus);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "corpus %s: %d comments; rule set %s%n%n", corpus, comments.size(),
                classifier.ruleSetVersion());

        Metrics metrics = new Metrics();
        List<String> misses = new ArrayList<>();
        try (BufferedWriter writer = predictions == null ? null
                : Files.newBufferedWriter(predictions, StandardCharsets.UTF_8)) {
            for (LabelledComment comment : comments) {
                Verdict verdict = classifier.classify(comment.text());
                // As the service decides it (CommentClassifier): the model's review, else the rules' confidence.
                boolean review = model.isPresent() ? verdict.reviewRequired() : verdict.confidence() < reviewThreshold;
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(prediction(comment, verdict, review, classifier)));
                    writer.newLine();
                }
                if (comment.labelled()) {
                    metrics.add(comment, verdict.route(), verdict.subtype(), verdict.needsResponse(),
                            verdict.confidence(), review);
                    boolean routeWrong = comment.route() != verdict.route();
                    boolean subtypeWrong = comment.subtype() != null && !comment.subtype().equals(verdict.subtype());
                    boolean answerWrong = comment.needsResponse() != null
                            && comment.needsResponse() != verdict.needsResponse();
                    if (routeWrong || subtypeWrong || answerWrong) {
                        misses.add(String.format(Locale.ROOT, "%-10s %s/%s%s -> %s/%s%s conf %.2f%s%s",
                                comment.id(), lower(comment.route()), comment.subtype(),
                                comment.needsResponse() == null ? "" : comment.needsResponse() ? " +answer" : "",
                                lower(verdict.route()), verdict.subtype(), verdict.needsResponse() ? " +answer" : "",
                                verdict.confidence(), review ? " review" : "", routeWrong ? "   ROUTE" : ""));
                        if (errors) {
                            misses.add("           " + comment.text().replace('\n', ' '));
                        }
                        if (explain) {
                            misses.addAll(Explanation.of(classifier, comment.text()));
                        }
                    }
                }
            }
        }
        if (metrics.labelled() > 0) {
            out.println(metrics.report());
            out.println("differences (gold -> predicted):");
            misses.forEach(line -> out.println("  " + line));
            out.println();
        } else {
            out.println("no labelled lines: predictions only");
        }
        if (predictions != null) {
            out.printf(Locale.ROOT, "predictions written to %s%n", predictions);
        }
        if (timing && !comments.isEmpty()) {
            time(classifier, comments, seconds, out);
        }
    }

    /**
     * Warm loop over the corpus texts, single-threaded. Shared machines are noisy, so one-second
     * rounds of classify() alternate with rounds of a reference over the same texts (JDK NFKC +
     * lower case, the least any text pipeline does); it prints the medians and their ratio.
     */
    static void time(SwedishClassifier classifier, List<LabelledComment> comments, double seconds, PrintStream out) {
        String[] texts = comments.stream().map(LabelledComment::text).toArray(String[]::new);
        long[] sink = new long[1];
        Runnable classify = () -> {
            for (String text : texts) {
                sink[0] += classifier.classify(text).reasons().size();
            }
        };
        Runnable reference = () -> {
            for (String text : texts) {
                sink[0] += Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).length();
            }
        };
        long warmUntil = System.nanoTime() + (long) (Math.min(seconds, 5) * 0.5e9);
        while (System.nanoTime() < warmUntil) {
            classify.run();
            reference.run();
        }
        int rounds = Math.max(1, (int) Math.round(seconds));
        double[] rates = new double[rounds];
        double[] referenceRates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            rates[round] = rate(classify, texts.length);
            referenceRates[round] = rate(reference, texts.length);
        }
        Arrays.sort(rates);
        Arrays.sort(referenceRates);
        double median = rates[rounds / 2];
        double referenceMedian = referenceRates[rounds / 2];
        out.printf(Locale.ROOT, "timing: classify() single-threaded, warm loop over the %d corpus texts, %d one-second "
                + "rounds: median %,.0f comments/s (%.1f µs each), best %,.0f%n", texts.length, rounds, median,
                1e6 / median, rates[rounds - 1]);
        out.printf(Locale.ROOT, "reference in the same run (JDK NFKC + lower case of the same texts): median %,.0f "
                + "texts/s; ratio classify/reference %.4f (checksum %d)%n", referenceMedian, median / referenceMedian,
                sink[0] % 1000);
    }

    /** Runs {@code loop} (one pass over {@code perLoop} texts) for about a second; texts per second. */
    private static double rate(Runnable loop, int perLoop) {
        long count = 0;
        long start = System.nanoTime();
        long until = start + 1_000_000_000L;
        while (System.nanoTime() < until) {
            loop.run();
            count += perLoop;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static ObjectNode prediction(LabelledComment comment, Verdict verdict, boolean review,
            SwedishClassifier classifier) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", comment.id());
        node.put("route", lower(verdict.route()));
        node.put("subtype", verdict.subtype());
        node.put("confidence", verdict.confidence());
        node.put("needs_response", verdict.needsResponse());
        node.put("review_required", review);
        ArrayNode flags = node.putArray("flags");
        verdict.flags().forEach(flag -> flags.add(lower(flag)));
        node.put("rule_set_version", classifier.ruleSetVersion());
        ArrayNode reasons = node.putArray("reasons");
        String text = comment.text();
        for (Reason reason : verdict.reasons()) {
            ObjectNode r = reasons.addObject();
            r.put("detector", reason.detector());
            r.put("route", lower(reason.route()));
            r.put("subtype", reason.subtype());
            r.put("start", reason.start());
            r.put("end", reason.end());
            r.put("weight", reason.weight());
            if (reason.end() <= text.length()) {
                r.put("span", text.substring(reason.start(), reason.end()));
            }
        }
        return node;
    }

    static List<LabelledComment> read(Path corpus) throws IOException {
        List<LabelledComment> comments = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException notJson) {
                System.err.printf("line %d is not JSON: skipped%n", lineNumber);
                continue;
            }
            String id = node.hasNonNull("id") ? node.get("id").asText() : "line-" + lineNumber;
            String text = node.hasNonNull("text") ? node.get("text").asText() : "";
            Route route = null;
            if (node.hasNonNull("route") && !node.get("route").asText().isBlank()) {
                try {
                    route = Route.valueOf(node.get("route").asText().trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException unknown) {
                    System.err.printf("line %d: unknown route %s, predicted only%n", lineNumber,
                            node.get("route").asText());
                }
            }
            String subtype = node.hasNonNull("subtype") ? node.get("subtype").asText() : null;
            Boolean needsResponse = node.hasNonNull("needs_response") ? node.get("needs_response").asBoolean() : null;
            comments.add(new LabelledComment(id, text, route, subtype, needsResponse));
        }
        return comments;
    }

    private static String lower(Route route) {
        return route == null ? null : route.name().toLowerCase(Locale.ROOT);
    }
}
