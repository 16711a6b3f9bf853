package se.kommun.moderation.classification.domain.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.classification.domain.SwedishClassifier;
import se.kommun.moderation.classification.domain.Verdict;
import se.kommun.moderation.classification.domain.model.FeatureVector;
import se.kommun.moderation.classification.domain.model.ModelFile;
import se.kommun.moderation.classification.domain.model.RouteModel;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.classification.domain.rules.RuleSetRegistry;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * The decision with both witnesses, on models made for the test: their probabilities are known, so
 * each rule of the decision is seen on its own.
 */
class CombinedDecisionTest {

    private static final RuleSet RULES = RuleSetRegistry.bundled().current();
    private static final List<String> CLASSES = List.of("COMPLAINT/complaint", "CONFIDENTIAL/health", "CRIMINAL/threat",
            "TRIVIAL/chatter");
    private static final RouteModel.Thresholds THRESHOLDS = new RouteModel.Thresholds(0.95, 0.10);

    /** A model that says the same of every comment: the probabilities of the four classes, in CLASSES order. */
    private static RouteModel saying(double complaint, double confidential, double criminal, double trivial) {
        float[] bias = {(float) Math.log(complaint), (float) Math.log(confidential), (float) Math.log(criminal),
            (float) Math.log(trivial)};
        return ModelFile.read(ModelFile.write(new ModelFile.Contents(CLASSES, new long[0], new float[0], bias, 1.0,
                THRESHOLDS)));
    }

    private static Verdict classify(RouteModel model, String text) {
        return new SwedishClassifier(RULES, Optional.of(model)).classify(text);
    }

    @Test
    void nothingMatchedIsExactlyAsConfidentAsTheModel() {
        Verdict v = classify(saying(0.15, 0.025, 0.025, 0.80), "Fin bild på torget idag");
        assertThat(v.route()).isEqualTo(Route.TRIVIAL);
        assertThat(v.confidence()).isEqualTo(0.8);
        assertThat(v.reviewRequired()).isFalse();
    }

    @Test
    void aFifthOnTheRemovalLaneIsSeenByAPersonWhateverTheRoute() {
        Verdict v = classify(saying(0.05, 0.05, 0.15, 0.75), "Fin bild på torget idag");
        assertThat(v.route()).as("the most probable route").isEqualTo(Route.TRIVIAL);
        assertThat(v.reviewRequired()).as("0.20 on the removal lane, above the review threshold 0.10").isTrue();
    }

    @Test
    void anUnsureTrivialCommentShowsTheReviewerWhatSoundedLikeAThreat() {
        String text = "Fin bild på torget idag. Håll er borta på lördag.";
        SwedishClassifier rulesAlone = new SwedishClassifier(RULES);
        Set<Long> elsewhere = new HashSet<>();
        FeatureVector other = rulesAlone.analyse("Fin bild på torget idag.").features();
        for (int i = 0; i < other.size(); i++) {
            elsewhere.add(other.id(i));
        }
        FeatureVector f = rulesAlone.analyse("Håll er borta på lördag.").features();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            if (f.start(i) >= 0 && !elsewhere.contains(f.id(i))) {
                ids.add(f.id(i));
            }
        }
        long[] featureIds = ids.stream().distinct().mapToLong(Long::longValue).sorted().toArray();
        float[] weights = new float[featureIds.length * CLASSES.size()];
        for (int row = 0; row < featureIds.length; row++) {
            weights[row * CLASSES.size() + 2] = 0.6f;
        }
        float[] bias = {-3f, -4f, -3f, 1f};
        RouteModel model = ModelFile.read(ModelFile.write(new ModelFile.Contents(CLASSES, featureIds, weights, bias,
                1.0, THRESHOLDS)));

        Verdict v = classify(model, text);
        assertThat(v.route()).isEqualTo(Route.TRIVIAL);
        assertThat(v.reviewRequired()).isTrue();
        List<Reason> feared = v.reasons().stream()
                .filter(r -> r.detector().equals("model") && r.route() == Route.CRIMINAL).toList();
        assertThat(feared).as("the n-grams that weighed towards a threat").isNotEmpty();
        int warning = text.indexOf("Håll");
        // (a character n-gram may begin at the space before the warning)
        assertThat(feared).allSatisfy(r -> assertThat(r.end()).isGreaterThan(warning));
    }

    @Test
    void aSureTrivialCommentListsOnlyWhyItIsTrivial() {
        Verdict v = classify(saying(0.10, 0.01, 0.01, 0.88), "Fin bild på torget idag");
        assertThat(v.reviewRequired()).isFalse();
        assertThat(v.reasons()).noneMatch(r -> r.route() == Route.CRIMINAL || r.route() == Route.CONFIDENTIAL);
    }

    @Test
    void theModelRemovesWithoutAPersonOnlyAtItsAutomaticThreshold() {
        Verdict unsure = classify(saying(0.02, 0.02, 0.90, 0.06), "Fin bild på torget idag");
        assertThat(unsure.route()).isEqualTo(Route.CRIMINAL);
        assertThat(unsure.reviewRequired()).isTrue();
        Verdict sure = classify(saying(0.01, 0.01, 0.97, 0.01), "Fin bild på torget idag");
        assertThat(sure.route()).isEqualTo(Route.CRIMINAL);
        assertThat(sure.reviewRequired()).isFalse();
        assertThat(sure.confidence()).isEqualTo(0.97);
    }

    @Test
    void aLuhnValidPersonnummerIsConfidentialWhateverTheModelSays() {
        Verdict v = classify(saying(0.01, 0.01, 0.01, 0.97), "Tack för hjälpen i går! /Eva 811218-9876");
        assertThat(v.route()).isEqualTo(Route.CONFIDENTIAL);
        assertThat(v.subtype()).isEqualTo("personal_id");
        assertThat(v.reviewRequired()).as("a precise rule may remove without a person").isFalse();
        assertThat(v.flags()).contains(Route.CONFIDENTIAL);
    }

    @Test
    void aThreatBuriedInALongComplaintTakesTheRemovalLaneAndItsSentenceExplainsWhy() {
        String complaint = "Soporna har inte hämtats på tre veckor och det luktar i hela trappuppgången. "
                + "Jag har ringt kundtjänst fyra gånger utan svar. ";
        String threat = "Nästa gång jag ser sopbilen bränner jag ner den med chauffören i.";
        String text = complaint + threat + " Hoppas ni förstår hur trött man blir.";
        SwedishClassifier rulesAlone = new SwedishClassifier(RULES);
        // Every feature of the threat's sentence, and no other, weighs towards CRIMINAL/threat.
        Set<Long> elsewhere = new HashSet<>();
        for (String other : List.of(complaint, "Hoppas ni förstår hur trött man blir.")) {
            FeatureVector f = rulesAlone.analyse(other).features();
            for (int i = 0; i < f.size(); i++) {
                elsewhere.add(f.id(i));
            }
        }
        FeatureVector sentence = rulesAlone.analyse(threat).features();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < sentence.size(); i++) {
            if (sentence.start(i) >= 0 && !elsewhere.contains(sentence.id(i))) {
                ids.add(sentence.id(i));
            }
        }
        long[] featureIds = ids.stream().mapToLong(Long::longValue).sorted().toArray();
        float[] weights = new float[featureIds.length * CLASSES.size()];
        for (int row = 0; row < featureIds.length; row++) {
            weights[row * CLASSES.size() + 2] = 0.5f;
        }
        float[] bias = {2f, -3f, -2f, 0f};
        RouteModel model = ModelFile.read(ModelFile.write(new ModelFile.Contents(CLASSES, featureIds, weights, bias,
                1.0, THRESHOLDS)));

        SwedishClassifier.Analysis analysis = rulesAlone.analyse(text);
        RouteModel.Reading reading = analysis.readBy(model);
        assertThat(reading.whole().probability(Route.CRIMINAL)).as("diluted in the whole comment").isLessThan(0.5);
        assertThat(reading.alarming().probability(Route.CRIMINAL)).as("read alone").isGreaterThan(0.75);

        Verdict v = classify(model, text);
        assertThat(v.route()).isEqualTo(Route.CRIMINAL);
        List<Reason> modelReasons = v.reasons().stream().filter(r -> r.detector().equals("model")).toList();
        assertThat(modelReasons).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        int threatStart = text.indexOf(threat);
        for (Reason r : modelReasons) {
            assertThat(r.start()).isGreaterThanOrEqualTo(threatStart);
            assertThat(r.end()).isLessThanOrEqualTo(threatStart + threat.length());
        }
        for (int a = 0; a < modelReasons.size(); a++) {
            for (int b = a + 1; b < modelReasons.size(); b++) {
                Reason x = modelReasons.get(a);
                Reason y = modelReasons.get(b);
                assertThat(x.end() <= y.start() || y.end() <= x.start()).as("no two reasons cover the same chars")
                        .isTrue();
            }
        }
    }
}
