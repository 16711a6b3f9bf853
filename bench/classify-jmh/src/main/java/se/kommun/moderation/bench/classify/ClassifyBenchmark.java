package se.kommun.moderation.bench.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import se.kommun.moderation.classification.domain.SwedishClassifier;
import se.kommun.moderation.classification.domain.model.FeatureVector;
import se.kommun.moderation.classification.domain.model.ModelFile;
import se.kommun.moderation.classification.domain.model.RouteModel;
import se.kommun.moderation.classification.domain.rules.RuleSetRegistry;
import se.kommun.moderation.classification.training.Corpus;
import se.kommun.moderation.classification.training.LabelledComment;
import se.kommun.moderation.classification.training.RouteTrainer;

/**
 * {@code classify()} single-threaded over every text of a corpus (one operation = one comment): with
 * the bundled model (what the service runs), with the rules alone (the figure before the model), and
 * next to a reference in the same run: Unicode NFKC plus lower case of the same texts with the JDK, the
 * least any text pipeline does. The machines are shared and noisy, so ratios compare across runs.
 *
 * <p>The model's own scorer is measured against Tribuo's {@code predict} of the same weights (trained
 * in the set-up from the training corpus), over the same precomputed features: that pair is what
 * shows whether the hand-written scorer pays for itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClassifyBenchmark {

    @Param("")
    public String corpus;

    @Param("")
    public String trainingCorpus;

    private SwedishClassifier withModel;
    private SwedishClassifier rulesOnly;
    private String[] texts;
    private FeatureVector[] features;
    private RouteModel ours;
    private LinearSGDModel tribuo;
    private List<Example<Label>> examples;
    private int next;

    @Setup
    public void load() throws IOException {
        rulesOnly = new SwedishClassifier(RuleSetRegistry.bundled().current());
        withModel = new SwedishClassifier(RuleSetRegistry.bundled().current(), ModelFile.bundled());
        ObjectMapper json = new ObjectMapper();
        List<String> loaded = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(corpus), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                loaded.add(json.readTree(line).path("text").asText(""));
            }
        }
        if (loaded.isEmpty() || withModel.model().isEmpty()) {
            throw new IllegalStateException("no texts in " + corpus + " or no bundled model");
        }
        texts = loaded.toArray(String[]::new);
        features = loaded.stream().map(t -> rulesOnly.analyse(t).features()).toArray(FeatureVector[]::new);

        List<LabelledComment> training = Corpus.read(List.of(Path.of(trainingCorpus)));
        RouteTrainer trainer = new RouteTrainer(RouteTrainer.Settings.defaults());
        List<RouteTrainer.Encoded> encoded = training.stream()
                .map(c -> new RouteTrainer.Encoded(rulesOnly.analyse(c.text()).features(), c.modelClass())).toList();
        tribuo = trainer.trainTribuo(encoded);
        ours = ModelFile.read(ModelFile.write(RouteTrainer.contents(tribuo, RouteTrainer.classesOf(training), 0.0)));
        examples = new ArrayList<>();
        for (FeatureVector f : features) {
            examples.add(trainer.example(new RouteTrainer.Encoded(f, "TRIVIAL/chatter"), null));
        }
    }

    private int nextIndex() {
        int i = next;
        next = next + 1 == texts.length ? 0 : next + 1;
        return i;
    }

    @Benchmark
    public void classify(Blackhole sink) {
        sink.consume(withModel.classify(texts[nextIndex()]));
    }

    @Benchmark
    public void classifyRulesOnly(Blackhole sink) {
        sink.consume(rulesOnly.classify(texts[nextIndex()]));
    }

    @Benchmark
    public void scoreModel(Blackhole sink) {
        sink.consume(ours.score(features[nextIndex()]));
    }

    @Benchmark
    public void scoreModelWithTribuo(Blackhole sink) {
        sink.consume(tribuo.predict(examples.get(nextIndex())));
    }

    @Benchmark
    public void referenceNfkcLowerCase(Blackhole sink) {
        sink.consume(Normalizer.normalize(texts[nextIndex()], Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    }
}
