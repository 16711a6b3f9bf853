package se.kommun.moderation.classification.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import se.kommun.moderation.classification.domain.SwedishClassifier;
import se.kommun.moderation.classification.domain.rules.RuleSetRegistry;

/**
 * The training command ({@code bench/classify-train.sh}):
 *
 * <pre>
 * TrainModel --out FILE [--rules DIR] [--seed N] [--epochs N] [--learning-rate X] [--l2 X]
 *            [--min-count N] [--prune X] [--held-out-errors FILE] CORPUS.jsonl|DIR...
 * </pre>
 *
 * Reads the corpus files (each file is one writer), runs {@link TrainingRun} and writes the model
 * file. The same corpus, rules and settings give the same file, byte for byte.
 */
public final class TrainModel {

    private TrainModel() {
    }

    public static void main(String[] args) throws IOException {
        RouteTrainer.Settings d = RouteTrainer.Settings.defaults();
        int epochs = d.epochs();
        double learningRate = d.learningRate();
        double prune = d.prune();
        double l2 = d.l2();
        int minCount = d.minCount();
        long seed = d.seed();
        Path out = null;
        Path rules = null;
        Path errors = null;
        List<Path> corpus = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--rules" -> rules = Path.of(args[++i]);
                case "--held-out-errors" -> errors = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--learning-rate" -> learningRate = Double.parseDouble(args[++i]);
                case "--prune" -> prune = Double.parseDouble(args[++i]);
                case "--l2" -> l2 = Double.parseDouble(args[++i]);
                case "--min-count" -> minCount = Integer.parseInt(args[++i]);
                default -> corpus.add(Path.of(args[i]));
            }
        }
        if (out == null || corpus.isEmpty()) {
            System.err.println("usage: TrainModel --out FILE [--rules DIR] [--seed N] [--epochs N] [--learning-rate X]"
                    + " [--l2 X] [--min-count N] [--prune X] CORPUS.jsonl|DIR...");
            System.exit(2);
        }
        RouteTrainer.Settings settings = new RouteTrainer.Settings(epochs, learningRate, l2, minCount, prune, seed);
        RuleSetRegistry registry = rules == null ? RuleSetRegistry.bundled() : RuleSetRegistry.withOverrides(rules);
        SwedishClassifier ruleClassifier = new SwedishClassifier(registry.current());
        System.out.printf(Locale.ROOT, "training with %s, rules %s%n", settings, ruleClassifier.ruleSetVersion());
        long started = System.nanoTime();
        TrainingRun run = new TrainingRun(settings, ruleClassifier, System.out);
        if (errors != null) {
            run.listingErrorsTo(new PrintStream(Files.newOutputStream(errors), true, StandardCharsets.UTF_8));
        }
        TrainingRun.Result result = run.run(Corpus.read(corpus));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.write(out, result.modelFile());
        System.out.printf(Locale.ROOT, "model %s written to %s (%,d bytes) in %.0f s%n", result.modelId(), out,
                result.modelFile().length, (System.nanoTime() - started) / 1e9);
    }
}
