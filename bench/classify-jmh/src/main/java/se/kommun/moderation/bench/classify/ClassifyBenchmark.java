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
import se.kommun.moderation.classification.domain.SwedishClassifier;
import se.kommun.moderation.classification.domain.rules.RuleSetRegistry;

/**
 * {@code classify()} single-threaded over every text of a corpus (one operation = one comment),
 * next to a reference in the same run: Unicode NFKC plus lower case of the same texts with the JDK,
 * the least any text pipeline does. The machines are shared and noisy, so the ratio between the two
 * is the figure that compares across runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClassifyBenchmark {

    @Param("")
    public String corpus;

    private SwedishClassifier classifier;
    private String[] texts;
    private int next;

    @Setup
    public void load() throws IOException {
        classifier = new SwedishClassifier(RuleSetRegistry.bundled().current());
        ObjectMapper json = new ObjectMapper();
        List<String> loaded = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(corpus), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                loaded.add(json.readTree(line).path("text").asText(""));
            }
        }
        if (loaded.isEmpty()) {
            throw new IllegalStateException("no texts in " + corpus);
        }
        texts = loaded.toArray(String[]::new);
    }

    private String nextText() {
        String text = texts[next];
        next = next + 1 == texts.length ? 0 : next + 1;
        return text;
    }

    @Benchmark
    public void classify(Blackhole sink) {
        sink.consume(classifier.classify(nextText()));
    }

    @Benchmark
    public void referenceNfkcLowerCase(Blackhole sink) {
        sink.consume(Normalizer.normalize(nextText(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    }
}
