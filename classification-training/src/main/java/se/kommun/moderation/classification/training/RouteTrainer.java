package se.kommun.moderation.classification.training;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGradRDA;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import se.kommun.moderation.classification.domain.model.FeatureVector;
import se.kommun.moderation.classification.domain.model.ModelFile;
import se.kommun.moderation.classification.domain.model.RouteModel;

/**
 * Trains the route model with Tribuo: multinomial logistic regression (log loss over one class per
 * route and subtype) by AdaGrad with regularised dual averaging (L2). Seeded and single-threaded:
 * the same examples and settings give the same weights, byte for byte.
 */
public final class RouteTrainer {

    /**
     * {@code minCount}: a text feature must occur in at least this many training comments to be
     * learned at all (rarer ones are mostly names and typos of one writer). {@code prune}: a feature
     * is kept in the model file only if it moves some class's logit, against the classes' mean, by at
     * least this much at value 1 (Tribuo's dual averaging leaves no weight at exactly zero, and a
     * feature that moves nothing costs memory and explains nothing).
     */
    public record Settings(int epochs, double learningRate, double l2, int minCount, double prune, long seed) {

        public static Settings defaults() {
            return new Settings(12, 0.5, 1e-4, 3, 0.1, 20261207L);
        }
    }

    /** One training comment as the model sees it. */
    public record Encoded(FeatureVector features, String modelClass) {
    }

    private final Settings settings;

    public RouteTrainer(Settings settings) {
        this.settings = settings;
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    }

    /** The trained weights of every class over the features that carry weight; temperature 1, thresholds unset. */
    public ModelFile.Contents train(List<Encoded> examples, List<String> classes) {
        return contents(trainTribuo(examples), classes, settings.prune());
    }

    /** The Tribuo model itself (the benchmark's reference for scoring). */
    public LinearSGDModel trainTribuo(List<Encoded> examples) {
        Map<Long, Integer> documentFrequency = new HashMap<>();
        for (Encoded e : examples) {
            for (int i = 0; i < e.features().size(); i++) {
                documentFrequency.merge(e.features().id(i), 1, Integer::sum);
            }
        }
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("labelled corpus", OffsetDateTime.parse("2026-12-07T00:00:00Z"), labels),
                labels);
        for (Encoded e : examples) {
            dataset.add(example(e, documentFrequency));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(),
                new AdaGradRDA(settings.learningRate(), 1e-6, 0.0, settings.l2(), examples.size()),
                settings.epochs(), Integer.MAX_VALUE, 1, settings.seed());
        return (LinearSGDModel) trainer.train(dataset);
    }

    /** A comment as Tribuo sees it; text features rarer than {@code minCount} are left out. */
    public Example<Label> example(Encoded e, Map<Long, Integer> documentFrequency) {
        FeatureVector f = e.features();
        List<String> names = new ArrayList<>(f.size());
        List<Double> values = new ArrayList<>(f.size());
        for (int i = 0; i < f.size(); i++) {
            boolean textFeature = f.start(i) >= 0;
            if (!textFeature || documentFrequency == null
                    || documentFrequency.getOrDefault(f.id(i), 0) >= settings.minCount()) {
                names.add(FeatureVector.name(f.id(i)));
                values.add((double) f.value(i));
            }
        }
        return new ArrayExample<>(new Label(e.modelClass()), names.toArray(String[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** A Tribuo model's weights as the service's model file holds them. */
    public static ModelFile.Contents contents(LinearSGDModel model, List<String> classes, double prune) {
        DenseMatrix weights = model.getWeightsCopy();
        ImmutableFeatureMap features = model.getFeatureIDMap();
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        int[] column = new int[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            Label label = new Label(classes.get(c));
            column[c] = outputs.getDomain().contains(label) ? outputs.getID(label) : -1;
        }
        int biasColumn = weights.getDimension2Size() - 1;
        TreeSet<Long> kept = new TreeSet<>();
        Map<Long, Integer> featureColumn = new HashMap<>();
        for (int j = 0; j < features.size(); j++) {
            String name = features.get(j).getName();
            long id = Long.parseUnsignedLong(name, 16);
            double mean = 0;
            for (int c = 0; c < classes.size(); c++) {
                mean += column[c] < 0 ? 0 : weights.get(column[c], j);
            }
            mean /= classes.size();
            double moves = 0;
            for (int c = 0; c < classes.size(); c++) {
                moves = Math.max(moves, Math.abs((column[c] < 0 ? 0 : weights.get(column[c], j)) - mean));
            }
            if (moves >= prune && moves > 0) {
                kept.add(id);
                featureColumn.put(id, j);
            }
        }
        long[] ids = new long[kept.size()];
        float[] w = new float[kept.size() * classes.size()];
        int row = 0;
        for (long id : kept) {
            ids[row] = id;
            int j = featureColumn.get(id);
            for (int c = 0; c < classes.size(); c++) {
                w[row * classes.size() + c] = column[c] < 0 ? 0f : (float) weights.get(column[c], j);
            }
            row++;
        }
        float[] bias = new float[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            // A class no training comment had can never win.
            bias[c] = column[c] < 0 ? -100f : (float) weights.get(column[c], biasColumn);
        }
        return new ModelFile.Contents(List.copyOf(classes), ids, w, bias, 1.0, new RouteModel.Thresholds(1.0, 1.0));
    }

    /** Every class of the examples, in a fixed order. */
    public static List<String> classesOf(List<LabelledComment> comments) {
        return new ArrayList<>(new TreeSet<>(comments.stream().map(LabelledComment::modelClass).toList()));
    }
}
