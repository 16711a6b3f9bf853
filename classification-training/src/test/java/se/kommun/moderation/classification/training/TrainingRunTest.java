package se.kommun.moderation.classification.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import se.kommun.moderation.classification.domain.SwedishClassifier;
import se.kommun.moderation.classification.domain.model.FeatureVector;
import se.kommun.moderation.classification.domain.model.ModelFile;
import se.kommun.moderation.classification.domain.model.RouteModel;
import se.kommun.moderation.classification.domain.rules.RuleSetRegistry;

/** Training is reproducible, and the service's scorer reads the trained weights as Tribuo does. */
class TrainingRunTest {

    private static final Path TRAIN = Path.of("../classification-service/corpus/train");
    private static final SwedishClassifier RULES = new SwedishClassifier(RuleSetRegistry.bundled().current());
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** Every 12th comment of two writers: a small slice that still has every route. */
    private static List<LabelledComment> slice() {
        List<LabelledComment> all = Corpus.read(List.of(TRAIN.resolve("a-elders-formal.jsonl"),
                TRAIN.resolve("e-debate-cases.jsonl")));
        List<LabelledComment> slice = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 12) {
            slice.add(all.get(i));
        }
        return slice;
    }

    private static RouteTrainer.Settings quick() {
        RouteTrainer.Settings d = RouteTrainer.Settings.defaults();
        return new RouteTrainer.Settings(4, d.learningRate(), d.l2(), 1, 0.0, d.seed());
    }

    @Test
    void theSameCorpusAndSettingsGiveTheSameModelFileByteForByte() {
        List<LabelledComment> slice = slice();
        TrainingRun.Result first = new TrainingRun(quick(), RULES, QUIET).run(slice);
        TrainingRun.Result second = new TrainingRun(quick(), RULES, QUIET).run(slice);

        assertThat(second.modelFile()).isEqualTo(first.modelFile());
        assertThat(second.modelId()).isEqualTo(first.modelId()).matches("m-[0-9a-f]{12}");
        assertThat(first.heldOut().labelled()).isEqualTo(slice.size());
        RouteModel model = ModelFile.read(first.modelFile());
        assertThat(model.id()).isEqualTo(first.modelId());
        assertThat(model.thresholds()).isEqualTo(first.thresholds());

        RouteTrainer.Settings otherSeed = new RouteTrainer.Settings(4, quick().learningRate(), quick().l2(), 1, 0.0,
                7L);
        assertThat(new TrainingRun(otherSeed, RULES, QUIET).run(slice).modelFile()).isNotEqualTo(first.modelFile());
    }

    @Test
    void theServicesScorerGivesTribuosProbabilities() {
        List<LabelledComment> slice = slice();
        List<String> classes = RouteTrainer.classesOf(slice);
        RouteTrainer trainer = new RouteTrainer(quick());
        List<RouteTrainer.Encoded> encoded = slice.stream()
                .map(c -> new RouteTrainer.Encoded(RULES.analyse(c.text()).features(), c.modelClass())).toList();
        LinearSGDModel tribuo = trainer.trainTribuo(encoded);
        RouteModel ours = ModelFile.read(ModelFile.write(trainer.train(encoded, classes)));

        for (RouteTrainer.Encoded e : encoded.subList(0, 40)) {
            FeatureVector features = e.features();
            Prediction<Label> predicted = tribuo.predict(trainer.example(e, null));
            Map<String, Label> scores = predicted.getOutputScores();
            double[] probabilities = ours.score(features).classProbabilities();
            for (int c = 0; c < classes.size(); c++) {
                assertThat(probabilities[c]).as(classes.get(c))
                        .isCloseTo(scores.get(classes.get(c)).getScore(), within(1e-4));
            }
        }
    }
}
